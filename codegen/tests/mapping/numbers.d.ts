/** Numbers are written as JavaScript writes them: `1`, not `1.0`. */
export interface Measurements {
  /** A count, integral on the wire. */
  count: number;
  ratio?: number;
  samples: number[];
  nested: number[][];
  maybe: number | null;
  later?: number | null;
  by_name: { [name: string]: number };
  point: [number, number];
  labelled: [string, number];
  either: string | number;
  alias: Amount;
  total_tokens: Count;
  /** Unknown keys, numbers too. */
  [key: string]: number | string | number[] | null | undefined | Record<string, number> | [number, number] | [string, number] | Amount;
}

/** Keys beside the declared ones hold numbers too. */
export interface Scores {
  best: number;
  [player: string]: number;
}

export type Amount = number;
export type Count = number;

/**
 * A named container of numbers, which can be a whole payload (GitHub's `languages`
 * response): a newtype, so it writes its numbers as JavaScript does on its own.
 */
export type Languages = { [language: string]: number };
/** Weekly additions and deletions. */
export type CodeFrequency = number[];
/** A container of newtypes stays an alias: each element writes its own numbers. */
export type CodeFrequencies = CodeFrequency[];
/** A container of an alias of a bare number (which stays an alias): a newtype too. */
export type Amounts = Amount[];
export type Totals = [number, number];

/** A module of newtypes alone imports what their derives need. */
export declare namespace Stats {
  type Weekly = number[];
}
