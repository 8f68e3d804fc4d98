import { z } from 'zod';

/** Money in integer minor units with its ISO 4217 currency. Never a float. */
export const Money = z
  .object({
    amount: z.number().int().meta({ description: 'Integer amount in minor units (cents)' }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
      .meta({ description: 'ISO 4217 currency code' }),
  })
  .meta({ id: 'Money' });
export type Money = z.infer<typeof Money>;

export const money = (amount: number, currency: string): Money => ({ amount, currency });

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`currency mismatch: ${a.currency} vs ${b.currency}`);
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { amount: a.amount + b.amount, currency: a.currency };
}

export function multiplyMoney(a: Money, factor: number): Money {
  if (!Number.isInteger(factor)) throw new RangeError('money can only be multiplied by an integer');
  return { amount: a.amount * factor, currency: a.currency };
}
