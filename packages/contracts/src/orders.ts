/** Orders' public language (docs/events.md, docs/saga.md, docs/openapi.json). */
import { z } from 'zod';
import { Money } from './money.js';
import { PageQuery, page } from './pagination.js';
import { OrderPriority, OrderSource, OrderStatus } from './events/orders.js';

// Events: schemas of every event's data, with the statuses, in events/orders.ts (docs/events.md).
export * from './events/orders.js';

const personName = z.string().trim().min(1).max(200);

export const PlaceOrderInput = z
  .object({
    customer: z
      .object({ name: personName, email: z.email().optional() })
      .strict()
      .optional()
      .describe('Who the order is for, inline; or name a registered customer with customerId'),
    customerId: z
      .uuid()
      .optional()
      .describe('A registered customer (POST /customers): its credit limit applies; instead of customer'),
    locationId: z.uuid(),
    lines: z
      .array(z.object({ productId: z.uuid(), quantity: z.number().int().positive() }).strict())
      .min(1)
      .max(200),
    notes: z.string().max(2000).optional(),
    source: OrderSource.default('api').describe('Where the order comes from'),
    priority: OrderPriority.default('normal'),
  })
  .strict()
  .superRefine((order, ctx) => {
    if ((order.customer === undefined) === (order.customerId === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['customerId'],
        message: 'Name the customer either inline (customer) or by customerId, exactly one of them',
      });
    }
  })
  .meta({ id: 'PlaceOrderInput' });

export const UpdateOrderInput = z
  .object({
    notes: z.string().max(2000).nullable().optional().describe('null clears the notes'),
    priority: OrderPriority.optional(),
    assigneeId: z
      .uuid()
      .nullable()
      .optional()
      .describe('A user with role sales or manager who is responsible for the order; null unassigns'),
  })
  .strict()
  .meta({ id: 'UpdateOrderInput' });

export const CancelOrderInput = z
  .object({ reason: z.string().trim().min(1).max(500) })
  .strict()
  .meta({ id: 'CancelOrderInput' });

export const ListOrdersQuery = PageQuery.extend({
  status: OrderStatus.optional(),
  productId: z.uuid().optional().meta({ description: 'Only orders with a line of this product' }),
  assigneeId: z.uuid().optional(),
  priority: OrderPriority.optional(),
  source: OrderSource.optional(),
  customerId: z.uuid().optional(),
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
    customerId: z.uuid().nullable().describe('The registered customer, or null for an inline one'),
    locationId: z.uuid(),
    lines: z.array(OrderLine),
    notes: z.string().nullable(),
    source: OrderSource,
    priority: OrderPriority,
    assigneeId: z.uuid().nullable().describe('The user responsible for the order, or null'),
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

// ---- customers ----------------------------------------------------------------------------------

const phone = z.string().trim().min(1).max(40);

export const RegisterCustomerInput = z
  .object({
    name: personName,
    email: z.email().optional(),
    phone: phone.optional(),
    creditLimit: Money.optional().describe('The most its balance may reach; no limit when absent'),
  })
  .strict()
  .meta({ id: 'RegisterCustomerInput' });

export const UpdateCustomerInput = z
  .object({
    name: personName.optional(),
    email: z.email().nullable().optional(),
    phone: phone.nullable().optional(),
    creditLimit: Money.nullable().optional().describe('null removes the limit'),
  })
  .strict()
  .meta({ id: 'UpdateCustomerInput' });

export const ListCustomersQuery = PageQuery.extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Matches name, e-mail or phone: substring, any case'),
});

export const Customer = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    creditLimit: Money.nullable(),
    balance: Money.describe(
      'Total of its orders placed and not cancelled or rejected, minus what was paid on them',
    ),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Customer' });

export const CustomerPage = page(Customer).meta({ id: 'CustomerPage' });

export type RegisterCustomerInput = z.infer<typeof RegisterCustomerInput>;
export type UpdateCustomerInput = z.infer<typeof UpdateCustomerInput>;
export type ListCustomersQuery = z.infer<typeof ListCustomersQuery>;
export type Customer = z.infer<typeof Customer>;
export type PlaceOrderInput = z.infer<typeof PlaceOrderInput>;
export type UpdateOrderInput = z.infer<typeof UpdateOrderInput>;
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
  updateOrder: 'updateOrder',
  registerCustomer: 'registerCustomer',
  listCustomers: 'listCustomers',
  /** `{ customerId }` → Customer with its balance; the mobile BFF's customer section. */
  getCustomer: 'getCustomer',
  updateCustomer: 'updateCustomer',
} as const;
