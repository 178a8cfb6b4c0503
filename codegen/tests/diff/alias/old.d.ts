export interface A {
    id: string;
}
export interface B {
    id: string;
}
export type Target = A;
export type Same = B;
