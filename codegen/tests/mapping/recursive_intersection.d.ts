/** A session whose secret is itself a session with a key. */
export interface Session {
  /** The secret: a session plus its key. */
  secret?: Session & Key;
  name: string;
}

export interface Key {
  value: string;
}
