/** A ruleset whose conditions are a member with one optional key or a union of members
 * that have it and more: a value with more keys is read as the member that declares them. */
export interface Ruleset {
    conditions?: RefConditions | OrgConditions | null;
}
export interface RefConditions {
    ref_name?: { include?: string[] };
}
export type OrgConditions =
    | (RefConditions & { repository_name: { include?: string[] } })
    | (RefConditions & { repository_id: { ids?: number[] } });
