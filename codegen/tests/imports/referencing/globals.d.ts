/** A generic map: a struct, which keeps its parameter (an alias would lose it). */
interface Dict<T> {
    [key: string]: T | undefined;
}

export interface Process {
    env: Dict<string>;
}
