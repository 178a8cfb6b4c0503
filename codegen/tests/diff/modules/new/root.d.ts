export interface Client {
    key: string;
    /** Sent as a header. */
    organization?: string;
}
