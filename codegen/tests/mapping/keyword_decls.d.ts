/** `Self` cannot even be a raw identifier. */
export interface Self {
    self?: string;
    /** A reference to a keyword-named declaration. */
    next?: crate;
}
export interface crate {
    value?: string;
}
/** Collides with `type` after case conversion. */
export interface Type {
    a?: string;
}
export interface type {
    b?: string;
}
export interface _ {
    c?: string;
}
export declare namespace async {
    interface gen {
        d?: 'x' | 'y';
    }
}
export interface mod {
    inner?: async.gen;
}

/**
 * Named as a derive macro of the prelude (replicate's `Default`, cohere-ai's `Debug`): the
 * links dts2rs writes to it take rustdoc's `type@`, or rustdoc calls them ambiguous.
 */
export interface Default {
    inner: { a: string };
}
