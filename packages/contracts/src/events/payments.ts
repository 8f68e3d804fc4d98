/**
 * The `data` of every payments event (docs/events.md); see events/inventory.ts for why schemas.
 */
import { z } from 'zod';
import { Money } from '../money.js';
import { type EventsOf, qualified } from './map.js';

export const PAYMENT_METHODS = ['card', 'cash', 'transfer'] as const;
export const PaymentMethod = z.enum(PAYMENT_METHODS);

const paymentId = z.uuid().describe('The payment');
const orderId = z.uuid().describe('The order paid for');

export const PaymentRecorded = z
  .object({
    paymentId,
    orderId,
    amount: Money.describe('What was paid (> 0)'),
    method: PaymentMethod.describe('How it was paid'),
    reference: z.string().nullable().describe('Card slip, transfer reference, or null'),
  })
  .describe('A payment toward an order was recorded');

export const PaymentRefunded = z
  .object({
    paymentId,
    orderId,
    refundId: z.uuid().describe('The refund'),
    amount: Money.describe('What was given back (> 0)'),
    reason: z.string().describe('Why; order_cancelled for automatic refunds'),
  })
  .describe('Part or all of a payment was refunded');

export const paymentEvents = { recorded: PaymentRecorded, refunded: PaymentRefunded } as const;

/** Every payments event's data schema by its CloudEvents `type`, e.g. `payments.payment.recorded`. */
export const paymentsEvents = { ...qualified('payments.payment', paymentEvents) };

export type PaymentRecorded = Readonly<z.infer<typeof PaymentRecorded>>;
export type PaymentRefunded = Readonly<z.infer<typeof PaymentRefunded>>;
export type PaymentEvent = EventsOf<typeof paymentEvents>;
