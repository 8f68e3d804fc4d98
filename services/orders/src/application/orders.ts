import {
  BusinessRuleError,
  NotFoundError,
  multiplyMoney,
  newId,
  type EventMetadata,
  type RpcContext,
  type orders,
} from '@omni/contracts';
import {
  aggregateIdOf,
  createCommandProcessor,
  streamCommand,
  type CommandProcessor,
  type EventStore,
} from '@omni/event-store';
import { inlineProjections } from '@omni/projections';
import { eventMetadataFor } from '@omni/messaging';
import { orderDecider, type OrderCommand } from '../domain/order/decider.js';
import { ORDERS_PROJECTIONS } from '../projections/index.js';
import { getOrder } from '../projections/orderDetails/query.js';
import { pricesOf } from '../projections/priceList/projection.js';

export const orderStream = (orderId: string) => `order-${orderId}`;

export interface Orders {
  readonly store: EventStore;
  readonly schema: string;
  /** Runs every order command: per-order sequence, group commit, the order's read model inline. */
  readonly commands: CommandProcessor;
}

export function createOrders(store: EventStore): Orders {
  return {
    store,
    schema: store.schema,
    commands: createCommandProcessor({
      store,
      project: inlineProjections(store.schema, ORDERS_PROJECTIONS),
    }),
  };
}

const orderNotFound = () => new NotFoundError('There is no such order', 'order_not_found');

/**
 * Runs one order command. Commands on an order that must exist (all but placing it) are refused
 * with a 404 when it does not; the outcome says which order a repeated idempotency key placed.
 */
export async function decideOnOrder(
  service: Orders,
  command: OrderCommand,
  metadata: EventMetadata,
  {
    expectedVersion,
    idempotencyKey,
  }: { expectedVersion?: number | undefined; idempotencyKey?: string | undefined } = {},
): Promise<{ orderId: string; replayed: boolean }> {
  const outcome = await service.commands.execute(
    streamCommand({
      streamId: orderStream(command.orderId),
      decider: orderDecider,
      command,
      ...(command.type === 'PlaceOrder' ? {} : { ifMissing: orderNotFound }),
      expectedVersion,
      metadata,
      idempotencyKey,
    }),
  );
  if (outcome.replayed) return { orderId: aggregateIdOf(outcome.streamId), replayed: true };
  return { orderId: command.orderId, replayed: false };
}

export const metadataFrom = (context: RpcContext): EventMetadata => eventMetadataFor(context);

/** Prices every line from orders' own price list at placement; an unknown product refuses the order. */
export async function placeOrder(
  service: Orders,
  input: orders.PlaceOrderInput,
  context: RpcContext,
): Promise<orders.Order> {
  const orderId = newId();
  const prices = await service.store.transaction((tx) =>
    pricesOf(
      tx,
      service.schema,
      input.lines.map((l) => l.productId),
    ),
  );
  const unknown = input.lines.filter((l) => !prices.has(l.productId)).map((l) => l.productId);
  if (unknown.length) {
    throw new BusinessRuleError('unknown_product', 'Some products are not in the catalogue', {
      details: { productIds: unknown },
    });
  }
  const currencies = new Set([...prices.values()].map((p) => p.price.currency));
  if (currencies.size > 1)
    throw new BusinessRuleError('mixed_currency', 'All lines of an order must have one currency');
  const lines: orders.OrderLine[] = input.lines.map(({ productId, quantity }) => {
    const { sku, name, price } = prices.get(productId)!;
    return { productId, sku, name, quantity, unitPrice: price, lineTotal: multiplyMoney(price, quantity) };
  });
  const currency = lines[0]!.unitPrice.currency;
  const total = { amount: lines.reduce((sum, l) => sum + l.lineTotal.amount, 0), currency };
  const placed = await decideOnOrder(
    service,
    {
      type: 'PlaceOrder',
      orderId,
      customer: input.customer,
      locationId: input.locationId,
      lines,
      total,
      notes: input.notes ?? null,
    },
    metadataFrom(context),
    { idempotencyKey: context.idempotencyKey },
  );
  // A repeated Idempotency-Key answers with the order its first run placed.
  return getOrder(service.store.pool, service.schema, placed.orderId);
}

export async function cancelOrder(service: Orders, orderId: string, reason: string, context: RpcContext) {
  await decideOnOrder(
    service,
    { type: 'CancelOrder', orderId, reason },
    metadataFrom(context),
    optionsFrom(context),
  );
  return getOrder(service.store.pool, service.schema, orderId);
}

export async function shipOrder(service: Orders, orderId: string, context: RpcContext) {
  await decideOnOrder(service, { type: 'ShipOrder', orderId }, metadataFrom(context), optionsFrom(context));
  return getOrder(service.store.pool, service.schema, orderId);
}

const optionsFrom = (context: RpcContext) => ({
  expectedVersion: context.expectedVersion,
  idempotencyKey: context.idempotencyKey,
});
