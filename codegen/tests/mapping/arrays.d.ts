export interface Lists {
    generic: Array<string>;
    shorthand: number[];
    nested?: Array<Array<boolean>>;
    modalities?: Array<'text' | 'audio'>;
    readonly frozen?: ReadonlyArray<string>;
}
/** An interface that only extends `Array` is an array (the index signature restates it). */
export interface JsonArray extends Array<JsonValue> {
    [index: number]: JsonValue;
}
export type JsonValue = string | number | JsonArray | null;
