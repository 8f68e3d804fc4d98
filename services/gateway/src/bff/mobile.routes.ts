import {
  identity,
  inventory,
  notification,
  orders,
  payments,
  scheduling,
  ticketing,
  type Actor,
  type RpcContext,
} from '@omni/contracts';
import type { RpcClient } from '@omni/messaging';
import { z } from 'zod';
import { toJson } from '../http/json-text.js';
import { isAllowed } from '../http/policy.js';
import { defineRoute, RouteAnswer, type RouteSpec } from '../http/route.js';
import type { Users } from '../identity/users.js';
import { MobileSections } from './mobile-sections.js';
import type { OrderDecisions } from './order-decisions.js';
import { SectionError, type SectionEngine } from './sections.js';

/** A section as answered: its data, an error in its place, or null when the role may not read it. */
const section = <T extends z.ZodType>(data: T) => z.union([data, SectionError]).nullable();
const Partial = z
  .boolean()
  .meta({ description: 'true when at least one section is an error in place of its data' });

const MobileHome = z
  .object({
    me: section(identity.User),
    shifts: section(z.array(scheduling.Shift)),
    tickets: section(z.array(ticketing.TicketSummary)),
    notifications: section(
      z.object({
        unread: z.number().int().meta({ description: 'How many of your notifications are unread' }),
        latest: z.array(notification.Notification).meta({ description: 'Your 5 newest notifications' }),
      }),
    ),
    lowStock: section(z.array(inventory.Product)),
    ordersAwaitingPayment: section(z.object({ count: z.number().int() })),
    partial: Partial,
  })
  .meta({ id: 'MobileHome' });

const ProductComplete = z
  .object({
    product: section(inventory.ProductDetails),
    stock: section(z.array(inventory.StockAtLocation)),
    movements: section(z.array(inventory.Movement)),
    openReservations: section(z.array(inventory.OpenReservation)),
    recentOrders: section(z.array(orders.Order)),
    partial: Partial,
  })
  .meta({ id: 'MobileProductComplete' });

const CustomerComplete = z
  .object({
    customer: section(orders.Customer),
    balance: section(orders.Customer.shape.balance),
    creditLimit: section(orders.Customer.shape.creditLimit),
    recentOrders: section(z.array(orders.Order)),
    payments: section(z.array(payments.Payment)).meta({
      description: 'The payments, with their refunds, of the orders in recentOrders',
    }),
    partial: Partial,
  })
  .meta({ id: 'MobileCustomerComplete' });

const LineComplete = orders.OrderLine.extend({
  product: section(inventory.ProductDetails.omit({ stock: true })),
  stock: inventory.StockAtLocation.nullable().meta({
    description: "At the order's location; null if none there",
  }),
});

const OrderComplete = z
  .object({
    order: section(orders.Order),
    payments: section(z.array(payments.Payment)),
    lines: section(z.array(LineComplete)),
    partial: Partial,
  })
  .meta({ id: 'MobileOrderComplete' });

const LineStock = inventory.StockAtLocation.extend({ productId: z.uuid() });
const PlacedOrder = z
  .object({
    order: orders.Order,
    stock: z.array(z.union([LineStock, SectionError])),
    customer: z
      .union([orders.Customer.pick({ balance: true, creditLimit: true }), SectionError])
      .nullable()
      .meta({
        description:
          'The registered customer’s balance (this order included) and credit limit; null for an inline customer',
      }),
  })
  .meta({ id: 'MobilePlacedOrder' });

export interface MobileDependencies {
  readonly rpc: RpcClient;
  readonly users: Users;
  readonly engine: SectionEngine;
  readonly decisions: OrderDecisions;
  /** How long `POST /mobile/orders` waits for the reservation before answering 202. */
  readonly decisionWaitMs: number;
}

const BFF_DOC =
  'Sections are fetched in parallel, each within its deadline (docs/mobile.md); a section whose service is slow ' +
  'or down is `{"error":{"code":"unavailable"}}` and the answer has `"partial":true`, still 200. A section the ' +
  "role may not read is null. Answers are cached in the gateway and dropped by the events that change them and by the caller's own writes.";

/** CONTRACT §12: one call per phone screen. */
export function mobileRoutes(deps: MobileDependencies): RouteSpec[] {
  // Read lazily: the OpenAPI generator builds these routes with no dependencies at all.
  const engine = { answer: ((...args) => deps.engine.answer(...args)) as SectionEngine['answer'] };
  const sectionsFor = (context: RpcContext) => new MobileSections(deps.rpc, deps.users, context);
  return [
    defineRoute({
      operationId: 'mobileHome',
      serialize: toJson, // made of cached sections: their JSON text is reused
      method: 'get',
      path: '/mobile/home',
      tag: 'mobile',
      summary:
        "A phone's first screen in one call: me, my shifts, my tickets, my notifications, low stock, orders awaiting payment",
      description:
        "The caller's user, their own shifts today and tomorrow (UTC), the tickets they reported or are assigned " +
        'and not yet resolved, their unread notification count and 5 newest notifications, products at or below their reorder level (20), and how many orders await payment. ' +
        BFF_DOC,
      access: 'self',
      response: MobileHome,
      status: 200,
      handle: ({ actor, context }) => {
        const s = sectionsFor(context);
        return engine.answer(actor!, {
          me: s.me(),
          shifts: s.shifts(new Date()),
          tickets: s.openTickets(),
          notifications: s.notifications(),
          lowStock: s.lowStock(),
          ordersAwaitingPayment: s.ordersAwaitingPayment(),
        });
      },
    }),
    defineRoute({
      operationId: 'mobileProduct',
      serialize: toJson, // made of cached sections: their JSON text is reused
      method: 'get',
      path: '/mobile/products/:productId/complete',
      tag: 'mobile',
      summary: 'A product with stock per location, last 20 movements, open reservations and last 10 orders',
      description:
        'The product, its stock per location, its last 20 stock movements, the reservations held for orders not ' +
        'yet shipped or cancelled, and the 10 newest orders with a line of it (null for roles that may not read ' +
        'orders). An unknown product is 404. ' +
        BFF_DOC,
      access: 'inventory.read',
      params: z.object({ productId: z.uuid() }),
      response: ProductComplete,
      status: 200,
      handle: async ({ actor, context, params }) => {
        const s = sectionsFor(context);
        const { product, ...rest } = await engine.answer(actor!, {
          product: s.product(params.productId, { primary: true }),
          movements: s.movements(params.productId),
          openReservations: s.openReservations(params.productId),
          recentOrders: s.ordersWithProduct(params.productId),
        });
        const stock = product && 'error' in product ? product : (product?.stock ?? null);
        return { product, stock, ...rest };
      },
    }),
    defineRoute({
      operationId: 'mobileOrder',
      serialize: toJson, // made of cached sections: their JSON text is reused
      method: 'get',
      path: '/mobile/orders/:orderId/complete',
      tag: 'mobile',
      summary: "An order with its history, payments and refunds, and each line's product and stock",
      description:
        'The order with its status history; its payments, each with its refunds (null for roles that do not ' +
        "manage payments); each line with its product and the product's current stock at the order's location. " +
        'The lines are read once the order is: at most two deadlines in all. An unknown order is 404. ' +
        BFF_DOC,
      access: 'orders.read',
      params: z.object({ orderId: z.uuid() }),
      response: OrderComplete,
      status: 200,
      handle: async ({ actor, context, params }) => {
        const s = sectionsFor(context);
        const first = await engine.answer(actor!, {
          order: s.order(params.orderId),
          payments: s.paymentsOf(params.orderId),
        });
        const lines = await completeLines(engine, actor!, s, first.order);
        return { ...first, lines: lines.value, partial: first.partial || lines.partial };
      },
    }),
    defineRoute({
      operationId: 'mobileCustomer',
      serialize: toJson, // made of cached sections: their JSON text is reused
      method: 'get',
      path: '/mobile/customers/:customerId/complete',
      tag: 'mobile',
      summary: 'A customer with its balance, credit limit, last 10 orders and their payments',
      description:
        'The customer, its balance and credit limit, its 10 newest orders (null for roles that may not read ' +
        'orders) and their payments with refunds (null for roles that do not manage payments). The payments are ' +
        'read once the orders are: at most two deadlines in all. An unknown customer is 404. ' +
        BFF_DOC,
      access: 'customers.read',
      params: z.object({ customerId: z.uuid() }),
      response: CustomerComplete,
      status: 200,
      handle: async ({ actor, context, params }) => {
        const s = sectionsFor(context);
        const first = await engine.answer(actor!, {
          customer: s.customer(params.customerId, { primary: true }),
          recentOrders: s.ordersOfCustomer(params.customerId),
        });
        const paid = await paymentsOfOrders(engine, actor!, s, first.recentOrders);
        const { customer } = first;
        const [balance, creditLimit] =
          customer && 'error' in customer
            ? [customer, customer]
            : [customer?.balance ?? null, customer?.creditLimit ?? null];
        return {
          ...first,
          balance,
          creditLimit,
          payments: paid.value,
          partial: first.partial || paid.partial,
        };
      },
    }),
    defineRoute({
      operationId: 'mobilePlaceOrder',
      method: 'post',
      path: '/mobile/orders',
      tag: 'mobile',
      summary: 'Place an order and answer once its stock reservation is decided',
      description:
        'The same body and refusals as `POST /orders`. Answers 201 once inventory has decided the reservation: ' +
        'the order (`awaiting_payment`, or `rejected` with the failing lines), each line’s stock at the location ' +
        'after the decision, and the registered customer’s balance and credit limit (null for an inline customer). If the decision takes longer than ' +
        '2 s, 202 with the order still `pending` (follow it with GET or the `status_changed` event). Waits on the ' +
        "order's events, not by polling.",
      access: 'orders.place',
      body: orders.PlaceOrderInput,
      response: PlacedOrder,
      otherAnswers: [
        { status: 202, description: 'Placed; the reservation is not decided yet', response: orders.Order },
      ],
      status: 201,
      idempotent: true,
      refusals: [
        { status: 422, code: 'unknown_product' },
        { status: 422, code: 'mixed_currency' },
      ],
      handle: async ({ actor, context, body }) => {
        const started = Date.now();
        const placed = await deps.rpc.call<orders.Order>('orders', orders.ORDERS_RPC.placeOrder, {
          input: body,
          context,
        });
        const remaining = Math.max(0, deps.decisionWaitMs - (Date.now() - started));
        // A retried placement (same Idempotency-Key) may have been decided long ago.
        const decided =
          placed.status !== 'pending' || (await deps.decisions.waitFor(placed.id, remaining)) !== undefined;
        if (!decided) return new RouteAnswer(202, placed);
        const s = sectionsFor(context);
        const order = await deps.rpc.call<orders.Order>('orders', orders.ORDERS_RPC.getOrder, {
          input: { orderId: placed.id },
          context,
        });
        const products = await engine.answer(
          actor!,
          Object.fromEntries(order.lines.map((line, i) => [i, s.product(line.productId, { fresh: true })])),
        );
        const customer = await customerAccount(engine, actor!, s, order.customerId);
        const stock = order.lines.map((line, i) => {
          const product = products[i] as inventory.ProductDetails | SectionError;
          if ('error' in product) return product;
          const here = product.stock.find((at) => at.locationId === order.locationId);
          return { productId: line.productId, ...(here ?? noStockAt(order.locationId)) };
        });
        return { order, stock, customer };
      },
    }),
  ];
}

async function completeLines(
  engine: Pick<SectionEngine, 'answer'>,
  actor: Actor,
  s: MobileSections,
  order: orders.Order | SectionError | null,
): Promise<{ value: z.infer<typeof LineComplete>[] | SectionError | null; partial: boolean }> {
  if (!order || 'error' in order) return { value: order, partial: false };
  const productIds = [...new Set(order.lines.map((line) => line.productId))];
  const products = await engine.answer(
    actor,
    Object.fromEntries(productIds.map((id) => [id, s.product(id)])),
  );
  const value = order.lines.map((line) => {
    const product = products[line.productId] as inventory.ProductDetails | SectionError | null;
    if (!product || 'error' in product) return { ...line, product, stock: null };
    const { stock, ...rest } = product;
    return { ...line, product: rest, stock: stock.find((at) => at.locationId === order.locationId) ?? null };
  });
  return { value, partial: products.partial };
}

/** The balance and credit limit of the order's registered customer, read fresh (after the order's charge). */
async function customerAccount(
  engine: Pick<SectionEngine, 'answer'>,
  actor: Actor,
  s: MobileSections,
  customerId: string | null,
): Promise<Pick<orders.Customer, 'balance' | 'creditLimit'> | SectionError | null> {
  if (!customerId) return null;
  const { customer } = await engine.answer(actor, { customer: s.customer(customerId, { fresh: true }) });
  if (!customer || 'error' in customer) return customer;
  return { balance: customer.balance, creditLimit: customer.creditLimit };
}

/** The payments of the listed orders, one cached section per order, as one list. */
async function paymentsOfOrders(
  engine: Pick<SectionEngine, 'answer'>,
  actor: Actor,
  s: MobileSections,
  list: readonly orders.Order[] | SectionError | null,
): Promise<{ value: payments.Payment[] | SectionError | null; partial: boolean }> {
  if (!list || 'error' in list) {
    // Without the orders there is nothing to read payments of: the orders' error stands for both.
    return { value: list && isAllowed(actor, 'payments.manage') ? list : null, partial: false };
  }
  const perOrder = await engine.answer(
    actor,
    Object.fromEntries(list.map((o) => [o.id, s.paymentsOf(o.id)])),
  );
  const { partial, ...answers } = perOrder;
  const found = Object.values(answers) as (readonly payments.Payment[] | SectionError | null)[];
  if (!isAllowed(actor, 'payments.manage')) return { value: null, partial };
  const failed = found.find((value) => value !== null && 'error' in value);
  if (failed) return { value: failed as SectionError, partial };
  return { value: found.flatMap((value) => (value ?? []) as readonly payments.Payment[]), partial };
}

function noStockAt(locationId: string): inventory.StockAtLocation {
  return { locationId, locationCode: '', onHand: 0, reserved: 0, available: 0 };
}
