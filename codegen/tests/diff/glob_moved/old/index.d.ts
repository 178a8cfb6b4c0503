export { BatchEvent } from './webhooks';
