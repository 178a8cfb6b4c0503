export interface Outer {
    /** An inline object: named after its place. */
    settings?: {
        level: number;
        /** Nested inline object. */
        inner?: { flag: boolean };
    };
    /** Collides with the declared `Outer.Tool` below. */
    tool?: { name: string };
}
export declare namespace Outer {
    interface Tool {
        id: string;
    }
}
