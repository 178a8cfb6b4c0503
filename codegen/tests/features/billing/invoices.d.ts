import { Money } from '../shared';

export interface Invoice {
  id: string;
  total: Money;
  lines: Array<{ amount: Money; memo?: string }>;
}
