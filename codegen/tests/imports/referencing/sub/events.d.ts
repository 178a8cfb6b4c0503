declare module "events" {
    interface EventInit {
        name: string;
    }
}
/// <reference path="not-read.d.ts" />
