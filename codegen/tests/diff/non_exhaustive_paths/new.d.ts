export interface Session {
    id: string;
    added?: string;
}
export interface Speech {
    voice?: 'alloy' | 'ash' | 'ballad';
}
