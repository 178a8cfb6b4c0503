/** First declaration. */
export interface A {
    a?: string;
}
/** TypeScript merges a second declaration of an interface into the first. */
export interface A {
    b?: number;
}
export type T = string;
/** A second type alias of the same name is an error in TypeScript: the first is kept. */
export type T = number;
