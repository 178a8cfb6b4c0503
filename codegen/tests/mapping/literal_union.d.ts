export interface Noise {
    /** Type of noise reduction. */
    type?: 'near_field' | 'far_field';
    /** Model names with dashes and digits. */
    model: 'gpt-4o-realtime-preview' | 'gpt-4o-realtime-preview-2024-10-01';
    /** Wire strings that are not identifiers. */
    odd?: '1' | '' | 'a b' | '🎉' | 'A' | 'a';
}
