export interface Session {
    input_audio_format?: 'pcm16' | 'g711_ulaw';
    output_audio_format?: 'pcm16' | 'g711_ulaw';
    voice?: 'alloy' | 'ash' | 'ballad';
    other_voice?: 'alloy' | 'ash' | 'ballad';
    turn?: 'auto' | 'manual';
}
export interface Counts {
    tokens: number;
}
export type Usage = Counts;
export interface Bounds {
    max: number;
    min: number;
}
export type Limits = Bounds;
