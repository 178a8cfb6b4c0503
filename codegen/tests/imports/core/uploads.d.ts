/** A file to upload. */
export interface Uploadable {
    name: string;
    size?: number;
}
