/** Speakeasy's SDKs (mistral) declare enums as const objects with helper types. */
declare const __brand: unique symbol;
type Unrecognized<T> = T & {
    [__brand]: "unrecognized";
};
type ClosedEnum<T extends Readonly<Record<string, string | number>>> = T[keyof T];
type OpenEnum<T extends Readonly<Record<string, string | number>>> = T[keyof T] | Unrecognized<T[keyof T] extends number ? number : string>;
export declare const AudioEncoding: {
    readonly PcmS16le: "pcm_s16le";
    readonly PcmAlaw: "pcm_alaw";
};
export type AudioEncoding = OpenEnum<typeof AudioEncoding>;
export declare const Role: {
    readonly User: "user";
    readonly Assistant: "assistant";
};
export type Role = ClosedEnum<typeof Role>;
