/**
 * A struct with required and optional fields.
 */
export interface Required {
    /** Always present. */
    id: string;
    count?: number;
}
/**
 * Every field optional: derives `Default`.
 */
export interface AllOptional {
    name?: string;
    enabled?: boolean;
}
