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
