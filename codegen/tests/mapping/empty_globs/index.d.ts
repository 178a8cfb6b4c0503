export * from './fns';
export interface Kept {
    id: string;
}
