/** A class with public properties is data: what `JSON.stringify` writes of an instance. */
export declare class GenerateResponse extends BaseResponse {
    /** The candidates. */
    candidates?: Candidate[];
    createdAt: Date;
    private secret;
    static version: string;
    /** A getter is computed, not stored: left out. */
    get text(): string | undefined;
    send(): void;
}
export declare class BaseResponse {
    id: string;
}
export interface Candidate {
    index: number;
    /** Runtime objects are not data: left out with a note. */
    signal?: AbortSignal;
    home: URL;
}
/** api-extractor bundles: a namespace of names declared outside it. */
declare namespace shapes {
    export { Candidate, Candidate_2 as Alternative };
}
interface Candidate_2 {
    score: number;
}
export interface UsesNamespace {
    first: shapes.Candidate;
    second: shapes.Alternative;
}
/** A service (methods only). */
export declare class Sessions {
    create(): Promise<void>;
}
/** Properties that only hold services: an SDK resource, itself a service. */
export declare class Realtime {
    sessions: Sessions;
}
/** A client: data and the services it holds; the services are left out. */
export declare class Client {
    readonly vertex: boolean;
    readonly sessions: Sessions;
    fetch?: Fetcher;
}
export type Fetcher = (url: string) => Promise<unknown>;
/** An error class: `Error` adds no data. */
export declare class ApiError extends Error {
    status: number;
}
