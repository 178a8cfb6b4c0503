export interface Session {
    /** The format of input audio. */
    input_audio_format?: 'pcm16' | 'g711_ulaw' | 'g711_alaw';
    /** The format of output audio. */
    output_audio_format?: 'pcm16' | 'g711_ulaw' | 'g711_alaw';
}
export interface SessionCreateParams {
    input_audio_format?: 'pcm16' | 'g711_ulaw' | 'g711_alaw';
    /** The same values in another order are another union. */
    other_format?: 'g711_alaw' | 'pcm16' | 'g711_ulaw';
}
