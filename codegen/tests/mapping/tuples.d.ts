export interface Shapes {
    /** A pair. */
    point: [number, number];
    /** Mixed element types. */
    entry: [string, boolean];
    /** An optional element: a `Vec`. */
    range: [number, number?];
    /** A rest element: a `Vec` of the element types. */
    path: [string, ...number[]];
    labelled: [name: string, weight: number];
}
