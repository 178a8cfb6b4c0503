export declare const RUNTIME: Runtime;
export interface Runtime {
    type: "node" | "deno";
}
