export interface SessionCreateParams {
    model?: 'gpt-4o-realtime-preview' | 'gpt-4o-mini-realtime-preview';
}
export interface SessionCreateResponse {
    id: string;
}
