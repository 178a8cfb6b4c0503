export interface Scalars {
    text: string;
    flag: boolean;
    amount: number;
    anything: unknown;
    loose: any;
    maybe?: string | null;
    nullable: number | null;
    /** OpenAPI's int64, as openapi-typescript writes it. */
    id?: number | bigint;
}
