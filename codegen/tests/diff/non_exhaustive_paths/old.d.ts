export interface Session {
    id: string;
}
export interface Speech {
    voice?: 'alloy' | 'ash';
}
