export declare class Operations {
    /** Reads an operation back from an API response: a call on the client, not a conversion. */
    _fromAPIResponse(response: OperationResponse): Promise<Operation>;
    /** Moves an operation into the archive. */
    intoArchive(id: string): Promise<void>;
    /** Opens a draft for editing. */
    toDraftMut(id: string): Promise<Operation>;
    /** Creates an operation. */
    new(name: string): Promise<Operation>;
    /** Conventions that `&self` keeps. */
    asJson(id: string): Promise<string>;
    isDone(id: string): Promise<boolean>;
    toJson(id: string): Promise<string>;
    from(id: string): Promise<Operation>;
}
export interface OperationResponse {
    body: string;
}
export interface Operation {
    name: string;
    done?: boolean;
}
