export * from './chat';
export { Invoice } from './billing/invoices';
