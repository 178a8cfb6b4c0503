import { APIResource } from "../../../resource.js";
import * as Core from "../../../core.js";
export declare class Sessions extends APIResource {
    create(body: Params, options?: Core.RequestOptions): Core.APIPromise<Session>;
    retrieve(id: string, include: boolean, options?: Core.RequestOptions): Core.APIPromise<Session>;
    list(options?: Core.RequestOptions): Core.APIPromise<Array<Session>>;
}
export interface Params {
    model?: string;
}
export interface Session {
    id: string;
}
