import {
  BusinessRuleError,
  multiplyMoney,
  newId,
  type EventMetadata,
  type RpcContext,
  type orders,
} from '@omni/contracts';
import { executeCommand, type EventStore, type StoredEvent, type Tx } from '@omni/event-store';
import { applyEvents, liveTables } from '@omni/projections';
import { eventMetadataFor } from '@omni/messaging';
import { orderDecider, type OrderCommand } from '../domain/order/decider.js';
import { orderDetailsProjection } from '../projections/orderDetails/projection.js';
import { getOrder } from '../projections/orderDetails/query.js';
import { pricesOf } from '../projections/priceList/projection.js';

export const orderStream = (orderId: string) => `order-${orderId}`;

export interface Orders {
  readonly store: EventStore;
  readonly schema: string;
}

/** Runs one order command with the order's read model written in the same transaction. */
export function decideOnOrder(
  ordersService: Orders,
  command: OrderCommand,
  metadata: EventMetadata,
  {
    expectedVersion,
    idempotencyKey,
  }: { expectedVersion?: number | undefined; idempotencyKey?: string | undefined } = {},
): Promise<{ events: StoredEvent[]; streamId: string }> {
  const tables = liveTables(ordersService.schema, orderDetailsProjection);
  return executeCommand(ordersService.store, {
    streamId: orderStream(command.orderId),
    decider: orderDecider,
    command,
    metadata,
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    project: (tx: Tx, events) => applyEvents(tx, orderDetailsProjection, events, tables),
  });
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
  const { streamId } = await decideOnOrder(
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
  return getOrder(service.store.pool, service.schema, idOf(streamId));
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
const idOf = (streamId: string) => streamId.slice(streamId.indexOf('-') + 1);
