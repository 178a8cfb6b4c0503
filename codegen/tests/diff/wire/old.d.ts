export interface Headers {
  'content-type': string;
}

export type Closed = 'a-b' | 'c';

export type Open = 'a-b' | 'c' | (string & {});
