import { APIResource } from "../../../resource.js";
import * as Core from "../../../core.js";
export declare class Sessions extends APIResource {
    /**
     * Create a session.
     *
     * @example
     * ```ts
     * const session = await client.sessions.create();
     * ```
     */
    create(body: SessionCreateParams, options?: Core.RequestOptions): Core.APIPromise<SessionCreateResponse>;
    /** Delete one. */
    del(sessionId: string, options?: Core.RequestOptions): Core.APIPromise<void>;
}
export interface SessionCreateParams {
    model?: string;
}
export interface SessionCreateResponse {
    id: string;
}
