import { CursorPageParams } from '../core/pagination.js';
import * as Core from '../core';
import { APIPromise } from '../core/api-promise.js';
/** Parameters of `Chats.list`. */
export interface ChatListParams extends CursorPageParams {
    model?: string;
}
/** A file sent with a chat. */
export interface Upload {
    file: Core.Uploadable;
    status: Core.Status;
    /** The page it was listed on. */
    page?: CursorPageParams;
}
export declare class Chats {
    list(params?: ChatListParams, options?: Core.RequestOptions): APIPromise<Upload>;
}
