/** A session. */
export interface Session {
    /** The id. */
    id: string;
    mode?: 'fast' | 'slow';
}
/** Old helper. */
export interface Helper {
    id: string;
}
