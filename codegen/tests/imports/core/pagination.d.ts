import { Order } from './order.js';
/** Cursor pagination, shared by every list call. */
export interface CursorPageParams {
    /** The last id of the previous page. */
    after?: string;
    limit?: number;
    order?: Order;
}
/** Not used by the input: not generated. */
export interface PagePromise {
    next: string;
}
