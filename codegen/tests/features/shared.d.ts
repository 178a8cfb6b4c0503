/** An amount of money. */
export interface Money {
  amount: number;
  currency: 'usd' | 'eur';
}
