export declare class SdkError extends Error {
}
