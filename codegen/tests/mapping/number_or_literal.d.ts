export interface Limits {
    /** A number, or `inf`. */
    max_output_tokens?: number | 'inf';
    /** No number rule matches: `f64`. */
    ratio: number | 'auto';
}
