import { Finance } from './index.js';
export interface Event {
    object: Finance.Account;
    previous?: Partial<Finance.Other>;
}
