export interface Kept {
    id: string;
}
export interface Removed {
    id: string;
}
export interface Reshaped {
    id: string;
}
