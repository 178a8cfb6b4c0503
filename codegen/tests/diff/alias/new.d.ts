export interface A {
    id: string;
}
export interface B {
    id: string;
}
export type Target = B;
export type Same = B;
