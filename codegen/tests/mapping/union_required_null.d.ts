/** Timeline events: a required `T | null` must be present, so a value without `commit_id`
 * is no `Labeled`. */
export type Event = Labeled | Commented;
export interface Labeled {
    id: number;
    event: string;
    commit_id: string | null;
}
export interface Commented {
    id: number;
    event: string;
    html_url: string;
    body?: string;
}
/** Outside a union a missing `T | null` still reads as `None`. */
export interface Standalone {
    commit_id: string | null;
}
