/** A list node: holds itself again, so the field is boxed. */
export interface Node {
    value: string;
    /** The next node, when there is one. */
    next?: Node;
    /** Nullable instead of optional. */
    previous: Node | null;
}

/** One half of a mutually recursive pair. */
export interface Expression {
    left: Term;
    op?: 'plus' | 'minus';
}

/** The other half. */
export interface Term {
    value?: number;
    /** A parenthesized expression. */
    group?: Expression;
}

/** Recursion through an array or a map: the `Vec` is already on the heap, no `Box`. */
export interface Folder {
    name: string;
    folders: Folder[];
    byName?: Record<string, Folder>;
}

/** Recursion through an inline object. */
export interface Comment {
    text: string;
    reply?: {
        author: string;
        comment: Comment;
    };
}

/** Recursion through a union of interfaces. */
export type Filter = Comparison | Compound;

export interface Comparison {
    key: string;
    value: string;
}

export interface Compound {
    type: 'and' | 'or';
    filters: Filter[];
    not?: Filter;
}

/**
 * An alias that refers to itself: a Rust alias cannot (it is expanded where used), so it is
 * a newtype, read and written as its value.
 */
export type Tree = [string, Tree[]];
/** The same through a map. */
export type Dict = { [key: string]: Dict };
/** Holding itself by value, inside an `Option`: boxed, as a struct would be. */
export type Chain = [string, Chain | null];
/** Two aliases that refer to each other. */
export type Rows = Cells[];
export type Cells = Rows[];
