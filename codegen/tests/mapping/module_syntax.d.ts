import { APIResource } from "../resource.js";
import * as Core from "../core.js";
export interface Session {
    id?: string;
}
export declare namespace Sessions {
    export { type Session as Session };
}
//# sourceMappingURL=module_syntax.d.ts.map
/** A default export declares its name. */
export default interface Defaulted {
    a: string;
}
declare module "ambient-module" {
    /** Declared in an ambient module: read as the file's own. */
    interface Ambient {
        b: number;
    }
}
declare global {
    interface GlobalShape {
        c: boolean;
    }
}
