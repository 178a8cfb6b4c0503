export interface Session {
    /** Opened by config: a model released after generation still deserializes. */
    model?: 'gpt-4o-realtime-preview' | 'gpt-4o-mini-realtime-preview';
    /** Not matched by the config pattern: stays closed. */
    modality?: 'text' | 'audio';
}
