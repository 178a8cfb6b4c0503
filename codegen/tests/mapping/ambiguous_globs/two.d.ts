export interface A { type: 'c' | 'd'; y: string }
export interface Only2 { v: string }
