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

/** Where an order came from (order source tracking); `api` when the client does not say. */
export const ORDER_SOURCES = ['web', 'mobile', 'api', 'phone'] as const;
export const OrderSource = z.enum(ORDER_SOURCES);
export type OrderSource = z.infer<typeof OrderSource>;

export const ORDER_PRIORITIES = ['low', 'normal', 'high'] as const;
export const OrderPriority = z.enum(ORDER_PRIORITIES);
export type OrderPriority = z.infer<typeof OrderPriority>;

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
    customerId: z
      .uuid()
      .optional()
      .describe('The registered customer it is for (orders.customer), absent for an inline customer'),
    source: OrderSource.optional().describe(
      'Where it came from; absent in orders placed before sources: api',
    ),
    priority: OrderPriority.optional().describe('Absent in orders placed before priorities: normal'),
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

export const OrderUpdated = z
  .object({
    orderId,
    notes: z.string().nullable().optional().describe('The new notes (null: cleared), when they changed'),
    priority: OrderPriority.optional().describe('The new priority, when it changed'),
    assigneeId: z
      .uuid()
      .nullable()
      .optional()
      .describe('The user (role sales or manager) now responsible (null: unassigned), when it changed'),
  })
  .describe('Notes, priority or assignee of an order changed; carries only the fields that changed');

export const orderEvents = {
  placed: OrderPlaced,
  status_changed: OrderStatusChanged,
  payment_applied: OrderPaymentApplied,
  cancelled: OrderCancelled,
  shipped: OrderShipped,
  updated: OrderUpdated,
} as const;

// ---- customers ------------------------------------------------------------------------------

const customerId = z.uuid().describe('The customer');
const balance = Money.describe(
  "The customer's balance after this event: total of its open orders minus what was paid on them",
);

export const CustomerRegistered = z
  .object({
    customerId,
    name: z.string().describe("The customer's name"),
    email: z.string().nullable().describe('E-mail, or null'),
    phone: z.string().nullable().describe('Phone number, or null'),
    creditLimit: Money.nullable().describe('The most its balance may reach, or null for no limit'),
  })
  .describe('A customer was registered');

export const CustomerUpdated = z
  .object({
    customerId,
    name: z.string().optional().describe('The new name'),
    email: z.string().nullable().optional().describe('The new e-mail, or null when removed'),
    phone: z.string().nullable().optional().describe('The new phone number, or null when removed'),
    creditLimit: Money.nullable().optional().describe('The new credit limit, or null for no limit'),
  })
  .describe("A customer's details changed; carries only the fields that changed");

export const CustomerOrderCharged = z
  .object({ customerId, orderId, amount: Money.describe("The order's total"), balance })
  .describe("An order was placed for the customer: its total joins the customer's balance");

export const CustomerPaymentCredited = z
  .object({
    customerId,
    orderId,
    paymentId: z.uuid().describe('The payment recorded by payments'),
    amount: Money.describe('What was paid'),
    balance,
  })
  .describe("A payment on one of the customer's orders lowered its balance");

export const CustomerOrderReleased = z
  .object({
    customerId,
    orderId,
    amount: Money.describe('What the order still counted in the balance (its total minus what was paid)'),
    reason: z.enum(['cancelled', 'rejected']).describe('The order was cancelled, or its stock was refused'),
    balance,
  })
  .describe('An order of the customer closed without being paid in full: it leaves the balance');

export const customerEvents = {
  registered: CustomerRegistered,
  updated: CustomerUpdated,
  order_charged: CustomerOrderCharged,
  payment_credited: CustomerPaymentCredited,
  order_released: CustomerOrderReleased,
} as const;

/** Every orders event's data schema by its CloudEvents `type`, e.g. `orders.order.status_changed`. */
export const ordersEvents = {
  ...qualified('orders.order', orderEvents),
  ...qualified('orders.customer', customerEvents),
};

export type OrderPlaced = Readonly<z.infer<typeof OrderPlaced>>;
export type OrderStatusChanged = Readonly<z.infer<typeof OrderStatusChanged>>;
export type OrderPaymentApplied = Readonly<z.infer<typeof OrderPaymentApplied>>;
export type OrderCancelled = Readonly<z.infer<typeof OrderCancelled>>;
export type OrderShipped = Readonly<z.infer<typeof OrderShipped>>;
export type OrderUpdated = Readonly<z.infer<typeof OrderUpdated>>;
export type OrderEvent = EventsOf<typeof orderEvents>;
export type CustomerRegistered = Readonly<z.infer<typeof CustomerRegistered>>;
export type CustomerUpdated = Readonly<z.infer<typeof CustomerUpdated>>;
export type CustomerEvent = EventsOf<typeof customerEvents>;
