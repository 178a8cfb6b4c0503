export interface Action {
    name: string;
}

export interface Update<TDocument = unknown, TPartial = unknown> {
    doc?: TDocument;
    partial?: TPartial;
}

/**
 * A generic declaration whose parameters are used only inside places that get types of their
 * own (elasticsearch's `BulkRequest`): those types are not generic, so the parameters read as
 * any JSON value there, with a warning, and the struct keeps no parameter.
 */
export interface BulkRequest<TDocument = unknown, TPartial = unknown> {
    operations?: (Action | Update<TDocument, TPartial> | TDocument)[];
    first: Action | TDocument;
    meta: { source: TDocument; took: number };
}

/** A parameter used directly is kept; inside the union it is not in scope. */
export interface Either<T> {
    value: T;
    either: T | string;
    /** A key that must not be there: read through the support module's `absent`. */
    never?: never;
}

/**
 * A map that must not hold one key, or a string (elasticsearch's request bodies): its struct
 * holds the other keys (read by serde's derive), the `?: never` key through the support
 * module's `absent`, beside the hand-written readers' `first_absent`.
 */
export type Body = { [key: string]: string; index?: never } | string;
