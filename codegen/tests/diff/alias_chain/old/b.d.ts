export interface Call {
    type: 'function';
}
export interface Tool {
    type: 'function' | 'custom';
}
