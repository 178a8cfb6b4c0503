export interface Author {
  id: string;
  name: string;
  verified?: boolean;
  bio: string | null;
}

export interface Post {
  title: string;
  author: Author;
}

/** The author's fields all stay; `verified` is narrowed to `true`. */
export interface Featured {
  post: Post & { author: { verified: true } };
}

/** Scalars: the narrower type wins. */
export type Narrowed = { kind: string; note: string | null; size?: number } & {
  kind: 'banner';
  note: string;
  size: number;
};

export type Nullable<T> = T | null;

export interface Branded {
  /** `Nullable<string> & string` is a string. */
  id: Nullable<string> & string;
  /** `string & ('a' | 'b')` is the literal union. */
  choice: string & ('a' | 'b');
}
