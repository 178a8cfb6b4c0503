/** Both files export `A` (and its nested types' module `a`): TypeScript leaves `A` out here. */
export * from './one.js';
export * from './two.js';
