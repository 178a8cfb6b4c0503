export interface Func {
    name: string;
}
