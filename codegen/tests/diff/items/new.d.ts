export interface Kept {
    id: string;
}
export interface Added {
    id: string;
}
export type Reshaped = 'a' | 'b';
