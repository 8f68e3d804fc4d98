/** Orders' public language (docs/events.md, docs/saga.md, docs/openapi.json). */
import { z } from 'zod';
import { Money } from './money.js';
import { PageQuery, page } from './pagination.js';
import { OrderStatus } from './events/orders.js';

// Events: schemas of every event's data, with the statuses, in events/orders.ts (docs/events.md).
export * from './events/orders.js';

export const PlaceOrderInput = z
  .object({
    customer: z.object({ name: z.string().trim().min(1).max(200), email: z.email().optional() }).strict(),
    locationId: z.uuid(),
    lines: z
      .array(z.object({ productId: z.uuid(), quantity: z.number().int().positive() }).strict())
      .min(1)
      .max(200),
    notes: z.string().max(2000).optional(),
  })
  .strict()
  .meta({ id: 'PlaceOrderInput' });

export const CancelOrderInput = z
  .object({ reason: z.string().trim().min(1).max(500) })
  .strict()
  .meta({ id: 'CancelOrderInput' });

export const ListOrdersQuery = PageQuery.extend({
  status: OrderStatus.optional(),
  productId: z.uuid().optional().meta({ description: 'Only orders with a line of this product' }),
});

/** How many orders have a status, e.g. the mobile home's orders awaiting payment (docs/mobile.md). */
export const CountOrdersInput = z.object({ status: OrderStatus });
export const OrderCount = z.object({ count: z.number().int() }).meta({ id: 'OrderCount' });

export const OrderLine = z.object({
  productId: z.uuid(),
  sku: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  unitPrice: Money,
  lineTotal: Money,
});

export const FailedLine = z.object({
  productId: z.uuid(),
  requested: z.number().int(),
  available: z.number().int(),
});

export const Order = z
  .object({
    id: z.uuid(),
    status: OrderStatus,
    customer: z.object({ name: z.string(), email: z.string().optional() }),
    locationId: z.uuid(),
    lines: z.array(OrderLine),
    notes: z.string().nullable(),
    total: Money,
    paid: Money,
    due: Money,
    statusHistory: z.array(
      z.object({ status: OrderStatus, at: z.iso.datetime(), reason: z.string().optional() }),
    ),
    rejection: z.object({ reason: z.string(), failedLines: z.array(FailedLine) }).nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Order' });

export const OrderPage = page(Order).meta({ id: 'OrderPage' });

export type PlaceOrderInput = z.infer<typeof PlaceOrderInput>;
export type ListOrdersQuery = z.infer<typeof ListOrdersQuery>;
export type OrderLine = z.infer<typeof OrderLine>;
export type Order = z.infer<typeof Order>;

export const ORDERS_RPC = {
  placeOrder: 'placeOrder',
  getOrder: 'getOrder',
  listOrders: 'listOrders',
  countOrders: 'countOrders',
  cancelOrder: 'cancelOrder',
  shipOrder: 'shipOrder',
} as const;
