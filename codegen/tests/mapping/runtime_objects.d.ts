/** Runtime objects, seen through the types that name them, are left out of data. */
export interface Upload {
    id: string;
    /** A `Blob` with a name is a `Blob`. */
    file: NamedBlob;
    /** An interface that extends a runtime object is one. */
    bunFile?: BunFile;
    /** An alias of a union of them, arrays of them included. */
    chunks?: Chunk;
    /** A member of a module not read, named as that module exports it. */
    init?: import('undici').RequestInit & {
        dispatcher?: unknown;
    };
    /** A conditional type that decides for one. */
    stream?: First<[globalThis.ReadableStream, string]>;
    /** A conditional type that is one whichever branch it takes. */
    guarded?: NotAny<AbortSignal>;
    /** Of a union of data and runtime objects, the data is kept. */
    source: string | NamedBlob | null;
}
type NamedBlob = Blob & {
    readonly name?: string;
};
interface BunFile extends Blob {
    readonly name?: string;
}
/** As a type of its own, a union of runtime objects alone is any JSON value, with notes. */
export type Chunk = ArrayBufferView | ArrayBufferView[] | AsyncIterable<Uint8Array>;
type First<T> = T extends [infer A, ...infer _] ? A : never;
type NotAny<T> = [0] extends [1 & T] ? never : T;
/** An interface extending a data interface stays data. */
export interface Named extends Upload {
    name: string;
}
