export { Target } from './a';
export { Target as Renamed } from './a';
export { Target as Pointer } from './a';
export { Moved } from './a';
export { Third as Differs } from './a';
export * from './b';
