export declare class APIPromise<T> {
    withResponse(): Promise<T>;
}
