import * as Core from "../core.js";
/** A base. */
export interface Base {
    /** The id. */
    id: string;
    created_at?: number;
}
/** Extends `Base`. */
export interface Derived extends Base {
    name?: string;
}
/** An intersection of a base and an inline object. */
export type Both = Base & {
    extra: boolean;
};
export interface Upload {
    /** Mapped by `[names]` in the config. */
    file: Core.Uploadable;
}
export declare const VERSION: string;
export declare function helper(): void;
