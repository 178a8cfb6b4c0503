export interface Speech {
    /** The voice: a known one, or any other name. */
    voice?: (string & {}) | 'alloy' | 'ash';
}
