/** A response the server sends more of, and less of, than declared. */
export interface SessionResponse {
  id: string;
  type: 'realtime';
  expires_at: number | null;
  note?: string;
  /** A field named like the map of unknown keys. */
  extra: boolean;
}

/** Not selected: exactly as declared. */
export interface SessionRequest {
  id: string;
}

/** Selected, with an index signature that keeps unknown keys already. */
export interface Labels {
  name: string;
  [key: string]: string;
}

/** Token counts, as declared. */
export interface Usage {
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
  model: string;
  cached: boolean;
}

/** The same fields, keeping unknown keys: what `unknown_fields` costs to read. */
export interface UsageReport extends Usage {}
