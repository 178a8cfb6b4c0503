import { Account } from './accounts.js';
import * as Accounts from './accounts.js';
/** Stripe's index files: a namespace naming declarations of other files. */
export declare namespace Finance {
    export { Account };
    export import Other = Accounts.Account;
}
