export interface Keywords {
    type: string;
    self?: string;
    Self?: string;
    crate?: string;
    super?: string;
    async?: string;
    gen?: string;
    _?: string;
    fooBar?: string;
    foo_bar?: string;
    'content-type'?: string;
    $ref?: string;
    '2fa'?: boolean;
}
