export * from './fns';
export * from './runtime';
export interface Kept {
    id: string;
}
