/**
 * A barrel given alone (notion's `api-endpoints.d.ts` is sixteen of these lines): what it
 * star-exports is its own surface, generated whole, though the files are outside the input.
 */
export * from "./core/order";
export * from "./core/index";
