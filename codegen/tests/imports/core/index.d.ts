export { type Uploadable } from './uploads.js';
export type Status = 'ok' | 'failed';
/** SDK plumbing: method parameters of this type are left out, as before it was read. */
export interface RequestOptions {
    timeout?: number;
}
