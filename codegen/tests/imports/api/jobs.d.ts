import { Stream } from '../core/streaming.js';
/** Declarations named by `import()` types, as named imports of those files would name them. */
export interface Job {
    /** From a file outside the input. */
    order: import('../core/order.js').Order;
    /** From a file of the input, through a re-export chain of a file outside it. */
    file?: import('../core/index.js').Status;
    /** A generic data class from outside, whose base class holds no public data. */
    page?: import('../core/pagination.js').CursorPage<import('./files.js').FileObject>;
    /** A class's constructor: behaviour, skipped with a note. */
    streamClass?: typeof Stream;
    /** The same through `typeof import()`. */
    otherStreamClass?: typeof import('../core/streaming.js').Stream;
}
/** An error class whose base is an error class without data. */
export declare class JobError extends import('../core/error.js').SdkError {
    /** The job that failed. */
    job?: string;
}
