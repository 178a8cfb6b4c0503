export interface Session {
    label: string;
    TurnDetection?: Session.TurnDetection;
    created_at: number;
    retries: number;
    temperature?: number;
    metadata?: unknown;
}
export declare namespace Session {
    interface TurnDetection {
        prefix_padding_ms?: number;
        silence_duration_ms?: number;
        threshold?: number;
    }
}
