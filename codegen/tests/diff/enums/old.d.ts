export type Closed = 'a' | 'b' | 'c';
export type Open = (string & {}) | 'alloy' | 'ash';
export type Renamed = 'x' | 'y';
export type Payload = string | number;
export type Opened = 'a' | 'b';
