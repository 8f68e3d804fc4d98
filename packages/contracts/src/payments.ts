/** Payments' public language (docs/events.md, docs/saga.md, docs/openapi.json). */
import { z } from 'zod';
import { Money } from './money.js';
import { page } from './pagination.js';
import { PAYMENT_METHODS } from './events/payments.js';

// Events: schemas of every event's data, with the payment methods, in events/payments.ts (docs/events.md).
export * from './events/payments.js';

export const RecordPaymentInput = z
  .object({
    orderId: z.uuid(),
    amount: Money,
    method: z.enum(PAYMENT_METHODS),
    reference: z.string().max(200).optional(),
  })
  .strict()
  .meta({ id: 'RecordPaymentInput' });

export const RefundInput = z
  .object({ amount: Money, reason: z.string().trim().min(1).max(500) })
  .strict()
  .meta({ id: 'RefundInput' });

export const ListPaymentsQuery = z.object({
  orderId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(512).optional(),
});

export const Refund = z.object({
  id: z.uuid(),
  amount: Money,
  reason: z.string(),
  refundedAt: z.iso.datetime(),
});

export const Payment = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    amount: Money,
    method: z.enum(PAYMENT_METHODS),
    reference: z.string().nullable(),
    status: z.enum(['recorded', 'partially_refunded', 'refunded']),
    recordedAt: z.iso.datetime(),
    refunded: Money,
    refunds: z.array(Refund),
    version: z.number().int(),
  })
  .meta({ id: 'Payment' });

export const PaymentPage = page(Payment).meta({ id: 'PaymentPage' });

export type RecordPaymentInput = z.infer<typeof RecordPaymentInput>;
export type RefundInput = z.infer<typeof RefundInput>;
export type ListPaymentsQuery = z.infer<typeof ListPaymentsQuery>;
export type Payment = z.infer<typeof Payment>;

export const PAYMENTS_RPC = {
  recordPayment: 'recordPayment',
  refundPayment: 'refundPayment',
  getPayment: 'getPayment',
  listPayments: 'listPayments',
} as const;
