export interface Client {
    key: string;
}
