import { APIResource } from "../../../resource.js";
import * as Core from "../../../core.js";
export declare class Sessions extends APIResource {
    create(body: Params, options?: Core.RequestOptions): Core.APIPromise<Session>;
    retrieve(id: string, options?: Core.RequestOptions): Core.APIPromise<Session>;
    del(id: string, options?: Core.RequestOptions): Core.APIPromise<void>;
}
export interface Params {
    model?: string;
}
export interface Session {
    id: string;
}
