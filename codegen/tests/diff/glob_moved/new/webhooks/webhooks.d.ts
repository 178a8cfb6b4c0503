export interface BatchEvent {
    data: BatchEvent.Data;
    type: 'batch.cancelled' | 'batch.expired';
}
export declare namespace BatchEvent {
    interface Data {
        id: string;
    }
}
