/**
 * Summary line with a [link](https://example.com/docs) and a bare URL
 * https://platform.openai.com/docs/guides/realtime, an array `["text"]` in code,
 * and brackets [0.6, 1.2] or ["text"] that are not links. Generic `Array<T>` in code,
 * Array<string> outside. See {@link Other}.
 *
 * - a list item
 * continued lazily
 *
 * ```
 * untagged fence: never a doctest
 * ```
 *
 * @example
 * ```ts
 * const x = await client.create();
 * ```
 *
 * @example
 * client.list()
 */
export interface Documented {
    /**
     * @deprecated Use `replacement` instead.
     */
    old?: string;
    replacement?: string;
    /** A float: the struct writes itself, and its impl reads the deprecated field. */
    ratio?: number;
}
/** @deprecated */
export interface Old {
    a?: string;
    /** A float: the impl names the deprecated struct. */
    n?: number;
}

/**
 * An example indented with a tab (`@types/geojson`'s `Position`): clippy rejects tabs in docs.
 *
 * @example
 * if (isStrict(position)) {
 * 	 [x, y] = position;
 * }
 */
export interface TabbedExample {
    x: number;
}
