export interface Refund {
  invoice: import('./invoices').Invoice;
  reason?: 'duplicate' | 'fraud';
}
