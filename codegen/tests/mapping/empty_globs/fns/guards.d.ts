/** Functions only: no types, so no module. */
export declare function isUser(value: unknown): boolean;
