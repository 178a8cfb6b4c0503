export interface Scalars {
    text: string;
    flag: boolean;
    amount: number;
    anything: unknown;
    loose: any;
    maybe?: string | null;
    nullable: number | null;
}
