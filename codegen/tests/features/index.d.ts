export * from './chat';
export * from './shared';
export { Invoice } from './billing/invoices';
