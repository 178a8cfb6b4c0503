export interface Flags {
    /** Dark mode. */
    dark: boolean;
    compact?: boolean;
}
/** Over literal keys: a struct. */
export type Toggles = { [K in 'a' | 'b']: boolean };
/** Homomorphic: the fields of `Flags`, each nullable, optionality kept. */
export type Nullable<T> = { [P in keyof T]: T[P] | null };
export type NullableFlags = Nullable<Flags>;
/** `-?` makes every field required. */
export type AllFlags = { [P in keyof Flags]-?: Flags[P] };
/** Over `string`: a map. */
export type Counters = { [key: string]: number };
/** Methods and function-typed properties carry no data. */
export interface Client {
    name: string;
    connect(url: string): void;
    onClose: () => void;
}
/** type-fest's `Simplify`: its own item is any JSON value; applied, the argument's shape. */
export type Simplify<T> = {
    [KeyType in keyof T]: T[KeyType];
} & {};
export type Simple = Simplify<{
    a: string;
} & {
    b?: number;
}>;
