export interface Func {
    name: string;
    kind: 'function';
}
