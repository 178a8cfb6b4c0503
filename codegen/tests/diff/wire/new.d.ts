export interface Headers {
  content_type: string;
}

export type Closed = 'a_b' | 'c';

export type Open = 'a_b' | 'c' | (string & {});
