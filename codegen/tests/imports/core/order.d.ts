export type Order = 'asc' | 'desc';
