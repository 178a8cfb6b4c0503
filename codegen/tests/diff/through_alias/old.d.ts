export interface Session {
    input_audio_format?: 'pcm16' | 'g711_ulaw';
    voice?: 'alloy' | 'ash';
    turn?: 'auto' | 'manual';
    spare?: 'auto' | 'manual';
}
export interface Usage {
    tokens: number;
}
export interface Limits {
    max: number;
}
