export declare class Files {
    /**
     * Uploads a file. See [the API
     * reference](https://example.com/docs/files) and the agent
     * (https://example.com/docs/agent#access). When streaming, [content][] is empty.
     *
     * @example
     * The following code uploads a file.
     *
     * ```ts
     * const file = await ai.files.upload({file: 'file.txt'});
     * ```
     */
    upload(params: UploadParameters): Promise<void>;
}
export interface UploadParameters {
    file: string;
}
