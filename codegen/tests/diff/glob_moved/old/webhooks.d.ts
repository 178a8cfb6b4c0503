export interface BatchEvent {
    data: BatchEvent.Data;
    type: 'batch.cancelled';
}
export declare namespace BatchEvent {
    interface Data {
        id: string;
    }
}
