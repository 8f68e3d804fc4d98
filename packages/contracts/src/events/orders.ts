/**
 * The `data` of every orders event (docs/events.md); see events/inventory.ts for why schemas.
 */
import { z } from 'zod';
import { Money } from '../money.js';
import { type EventsOf, qualified } from './map.js';
import { FailedReservationLine } from './inventory.js';

export const ORDER_STATUSES = [
  'pending',
  'awaiting_payment',
  'rejected',
  'paid',
  'shipped',
  'cancelled',
] as const;
export const OrderStatus = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatus>;

const orderId = z.uuid().describe('The order');

export const PlacedOrderLine = z.object({
  productId: z.uuid().describe('The product'),
  sku: z.string().describe("The product's SKU at placement"),
  name: z.string().describe("The product's name at placement"),
  quantity: z.number().int().describe('Units ordered (> 0)'),
  unitPrice: Money.describe('Catalogue price of one unit at placement'),
  lineTotal: Money.describe('unitPrice × quantity'),
});

export const OrderPlaced = z
  .object({
    orderId,
    customer: z.object({ name: z.string(), email: z.string().optional() }).describe('Who the order is for'),
    locationId: z.uuid().describe('Where the stock is reserved and shipped from'),
    lines: z.array(PlacedOrderLine).describe('What was ordered, priced from the catalogue'),
    total: Money.describe('Sum of the line totals'),
    notes: z.string().nullable().describe('Free text, or null'),
  })
  .describe('An order was placed; it is pending until its stock is reserved');

export const OrderStatusChanged = z
  .object({
    orderId,
    from: OrderStatus.describe('The status before'),
    to: OrderStatus.describe('The status after'),
    reason: z
      .string()
      .optional()
      .describe('Why, e.g. insufficient_stock, payment_timeout or the cancel reason'),
    failedLines: z
      .array(FailedReservationLine)
      .optional()
      .describe('When rejected: the lines whose stock could not be reserved'),
  })
  .describe('Published for every status change, whatever caused it, besides cancelled or shipped');

export const OrderPaymentApplied = z
  .object({
    orderId,
    paymentId: z.uuid().describe('The payment recorded by payments'),
    amount: Money.describe('What the payment counts toward the total'),
  })
  .describe('A recorded payment was counted toward the order');

export const OrderCancelled = z
  .object({
    orderId,
    reason: z.string().describe('Why; payment_timeout for an order whose payment deadline passed'),
    paid: Money.describe('What had been paid when it was cancelled: payments refunds it'),
  })
  .describe('The order was cancelled; its reservation is released');

export const OrderShipped = z
  .object({ orderId })
  .describe('The order left: its reservation becomes a stock decrease');

export const orderEvents = {
  placed: OrderPlaced,
  status_changed: OrderStatusChanged,
  payment_applied: OrderPaymentApplied,
  cancelled: OrderCancelled,
  shipped: OrderShipped,
} as const;

/** Every orders event's data schema by its CloudEvents `type`, e.g. `orders.order.status_changed`. */
export const ordersEvents = { ...qualified('orders.order', orderEvents) };

export type OrderPlaced = Readonly<z.infer<typeof OrderPlaced>>;
export type OrderStatusChanged = Readonly<z.infer<typeof OrderStatusChanged>>;
export type OrderPaymentApplied = Readonly<z.infer<typeof OrderPaymentApplied>>;
export type OrderCancelled = Readonly<z.infer<typeof OrderCancelled>>;
export type OrderShipped = Readonly<z.infer<typeof OrderShipped>>;
export type OrderEvent = EventsOf<typeof orderEvents>;
