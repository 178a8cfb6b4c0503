/** Two aliases of one interface: one Rust type, so no `From` for either. */
export interface Plain {
    a: string;
}
export type AliasA = Plain;
export type AliasB = Plain;
export type Either = AliasA | AliasB | number;
/** A generic struct whose optional fields hold its parameter. */
export interface Wrapper<T> {
    value?: T;
    list?: T[];
}
/** No `Default`: `Wrapper<Unit>` must still deserialize. */
export declare enum Unit {
    A = "a"
}
export interface Holder {
    wrapped: Wrapper<Unit>;
}
/** Names that shadow the prelude in this module: generated impls still reach the real ones. */
export type From = "a" | "b";
export type Box = "x" | "y";
export type Boxed = Plain | string;
