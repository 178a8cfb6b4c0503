/** A generic interface: its parameter is kept. */
export interface Page<Item> {
    data: Array<Item>;
    /** Unused by any field: dropped. */
    has_more?: boolean;
}
export interface Text<ParsedT> {
    type: 'text';
    parsed: ParsedT | null;
}
export interface Refusal {
    type: 'refusal';
    refusal: string;
}
/** A generic alias: its parameter stands for any JSON value. */
export type Content<ParsedT> = Text<ParsedT> | Refusal;
export interface Message<ParsedT> {
    content: Array<Content<ParsedT>>;
    pages?: Page<string>;
}
