/** openapi-typescript's helpers: each member of a `OneOf` declares the other members' keys
 * `?: never`. */
type Without<T, U> = { [P in Exclude<keyof T, keyof U>]?: never };
type XOR<T, U> = T | U extends object ? (Without<T, U> & U) | (Without<U, T> & T) : T | U;
type OneOf<T extends any[]> = T extends [infer Only]
    ? Only
    : T extends [infer A, infer B, ...infer Rest]
      ? OneOf<[XOR<A, B>, ...Rest]>
      : never;
/** Members whose keys do not include each other's: only the `?: never` keys tell them apart. */
export interface Queued {
    details: OneOf<[{ message: string; uuid: string }, { message: string; sha?: string }]>;
}
/** GitHub's `PullRequestMergeAsyncResult.details`: a `OneOf` of three. */
export interface MergeResult {
    details: OneOf<[{ message: string; uuid: string }, { message: string }, { message: string; sha: string }]>;
}
/** `?: never` outside a union: nothing chooses a variant, so no field. */
export interface Plain {
    name: string;
    legacy?: never;
}
/** Members that hold floats write themselves: a `?: never` key is still never written. */
export interface Scored {
    details: OneOf<[{ score: number; uuid: string }, { score: number }]>;
}
/** A member with only `?: never` keys (discord-api-types' OAuth2 credentials): it writes no
 * key at all. */
export interface Credentials {
    auth: { client_id: string; client_secret: string } | { client_id?: never; client_secret?: never };
}
