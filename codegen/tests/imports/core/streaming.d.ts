export declare class Stream<Item> {
    controller: AbortController;
    toReadableStream(): ReadableStream<Item>;
}
