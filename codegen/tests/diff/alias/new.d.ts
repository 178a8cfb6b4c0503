export interface A {
    id: string;
}
export interface B {
    id: string;
}
export type Target = B;
export type Same = B;
/** A newtype (a container of numbers): compared by its value type. */
export type Weekly = [number, number];
export type Counts = { [k: string]: number };
