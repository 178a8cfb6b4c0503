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
/** Its state is not public: no fields. */
export declare abstract class AbstractPage<Item> {
    #private;
    protected body: unknown;
    hasNextPage(): boolean;
}
/** A page of a cursor-paginated list. */
export declare class CursorPage<Item> extends AbstractPage<Item> {
    data: Array<Item>;
    has_more: boolean;
}
