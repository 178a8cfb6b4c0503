export interface A { type: 'a' | 'b'; x: string }
export interface Only1 { v: string }
