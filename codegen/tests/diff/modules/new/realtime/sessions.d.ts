export interface Session {
    id: string;
    turn_detection?: Session.TurnDetection;
}
export declare namespace Session {
    interface TurnDetection {
        type?: 'server_vad' | 'semantic_vad';
        eagerness?: 'low' | 'high';
    }
}
