export { Target } from './a';
export { Target as Renamed } from './a';
export { Other as Pointer } from './a';

/** Moved here from index.d.ts, unchanged. */
export interface Moved {
  id: string;
}
export { Other as Differs } from './a';
export * from './b';
export * from './a';
