export { BatchEvent } from './webhooks/webhooks';
