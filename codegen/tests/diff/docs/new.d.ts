/** A realtime session. */
export interface Session {
    /** The session's unique id. */
    id: string;
    /** How fast to answer. */
    mode?: 'fast' | 'slow';
}
/**
 * Old helper.
 * @deprecated use Session
 */
export interface Helper {
    id: string;
}
