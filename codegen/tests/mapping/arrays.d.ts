export interface Lists {
    generic: Array<string>;
    shorthand: number[];
    nested?: Array<Array<boolean>>;
    modalities?: Array<'text' | 'audio'>;
    readonly frozen?: ReadonlyArray<string>;
}
