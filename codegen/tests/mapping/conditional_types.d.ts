/** openapi-typescript's helpers for `oneOf`, as it writes them. */
type Without<T, U> = {
    [P in Exclude<keyof T, keyof U>]?: never;
};
type XOR<T, U> = (T | U) extends object ? (Without<T, U> & U) | (Without<U, T> & T) : T | U;
type OneOf<T extends any[]> = T extends [infer Only] ? Only : T extends [infer A, infer B, ...infer Rest] ? OneOf<[XOR<A, B>, ...Rest]> : never;
export interface Card {
    number: string;
}
export interface Bank {
    iban: string;
}
export interface Payment {
    /** Exactly one of the shapes. */
    method: OneOf<[Card, Bank, string]>;
    /** A primitive is not an object. */
    plain: string extends object ? number : boolean;
}
export interface Parser<T> {
    sample: T;
}
export interface Holder {
    /** Undecided: a value of either branch, what the pattern infers any JSON value. */
    parsed: Parser<string> extends Parser<infer P> ? P : null;
}

/** A test of `any` says nothing: a recursive conditional over `any` unfolds no branch. */
type Flatten<T> = T extends string ? T : T extends Array<infer U> ? Array<Flatten<U>> : T;
type Kind<T> = T extends string ? "text" : "object";
export interface Flattened {
    any: Flatten<any>;
    text: Flatten<string>;
    /** An object type is no string: the test is decided. */
    kind: Kind<{ a: string }>;
    either: string | unknown;
}
