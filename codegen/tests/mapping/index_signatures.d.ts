/** Only an index signature: a map. */
export interface Labels {
    [key: string]: string;
}
/** Properties and an index signature: the struct keeps unknown keys. */
export interface Metadata {
    id: string;
    count?: number;
    [key: string]: unknown;
}
export interface Holder {
    labels?: { [k: string]: unknown };
    scores: { [name: string]: { value: number } };
    /** `Record` over `string` is a map too. */
    headers: Record<string, string>;
}

/** Maps in maps (elasticsearch's role `global`): clippy's `type_complexity` is allowed here. */
export interface RolePrivileges {
    global?: { [key: string]: { [key: string]: { [key: string]: string[] } } };
    shallow: { [key: string]: string[] };
}
