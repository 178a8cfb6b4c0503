export { type Status } from '../core/index.js';
export interface FileObject {
    id: string;
}
