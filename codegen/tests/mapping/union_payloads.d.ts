/** A tool: members declared as type aliases of object types, an interface, and a string. */
export type Tool = CodeExecution | Retrieval | Named | string;
/** Small: one optional field. */
export type CodeExecution = {
    type?: "code_execution";
};
/** Large: many fields held by value. */
export type Retrieval = {
    corpus?: string;
    filter?: string;
    query?: string;
    model?: string;
    region?: string;
    project?: string;
    location?: string;
    endpoint?: string;
    index?: string;
    store?: string;
};
export interface Named {
    name: string;
}
/** Structs reached through a tuple, a utility type and an alias of an alias. */
export type Choice = [Retrieval, string] | Partial<Retrieval> | Again | number;
export type Again = Retrieval;
/** Payloads that are no structs stay unboxed. */
export type Scalar = string[] | { [key: string]: number } | boolean;
