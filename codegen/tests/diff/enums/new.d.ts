export type Closed = 'a' | 'b' | 'd';
export type Open = (string & {}) | 'alloy' | 'ash' | 'ballad';
export type Renamed = 'x' | 'y';
export type Payload = string | boolean;
export type Opened = (string & {}) | 'a' | 'b';
