/** `null` alone, `undefined` and optional keys each keep what the wire says. */
export interface Hints {
  /** Absent or `null`: both kept. */
  help?: null;
  /** Always `null`. */
  placeholder: null;
  /** A key that may be left out (JSON has no `undefined`). */
  label: string | undefined;
  /** Absent, `null` or a string. */
  note: string | null | undefined;
  /** Absent or `null`. */
  reset: null | undefined;
  /** Absent, or any value, `null` included. */
  meta?: unknown;
}
