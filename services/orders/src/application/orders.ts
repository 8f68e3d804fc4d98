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
  decideOnStream,
  type CommandProcessor,
  type CommandSession,
  type EventStore,
  type Tx,
} from '@omni/event-store';
import { inlineProjections } from '@omni/projections';
import { eventMetadataFor } from '@omni/messaging';
import { customerDecider } from '../domain/customer/decider.js';
import { exposureCommands } from '../domain/customer/exposure.js';
import { orderDecider, type OrderCommand } from '../domain/order/decider.js';
import { ORDERS_PROJECTIONS } from '../projections/index.js';
import { assigneeLookup } from '../projections/assignableUsers/projection.js';
import { findCustomer } from '../projections/customerList/query.js';
import { getOrder } from '../projections/orderDetails/query.js';
import { pricesOf } from '../projections/priceList/projection.js';

export const orderStream = (orderId: string) => `order-${orderId}`;
export const customerStream = (customerId: string) => `customer-${customerId}`;

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
 * When the order is for a registered customer, what its events mean for the customer's balance is
 * appended to the customer's stream in the same transaction (docs/customers.md): a placement the
 * credit limit refuses places nothing. Placement names the customer's stream up front, so placements
 * for one customer queue behind each other; later commands lock it when they load it.
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
  const customerId = command.type === 'PlaceOrder' ? command.customerId : undefined;
  const outcome = await service.commands.execute({
    streams: [orderStream(command.orderId), ...(customerId ? [customerStream(customerId)] : [])],
    metadata,
    idempotencyKey,
    async run(session) {
      const decided = await decideOnStream(session, {
        streamId: orderStream(command.orderId),
        decider: orderDecider,
        command,
        ...(command.type === 'PlaceOrder' ? {} : { ifMissing: orderNotFound }),
        expectedVersion,
      });
      await carryExposureToCustomer(session, exposureCommands(decided.state, decided.events));
    },
  });
  if (outcome.replayed) return { orderId: aggregateIdOf(outcome.streamId), replayed: true };
  return { orderId: command.orderId, replayed: false };
}

async function carryExposureToCustomer(
  session: CommandSession,
  commands: ReturnType<typeof exposureCommands>,
): Promise<void> {
  for (const command of commands) {
    await decideOnStream(session, {
      streamId: customerStream(command.customerId),
      decider: customerDecider,
      command,
    });
  }
}

export const metadataFrom = (context: RpcContext): EventMetadata => eventMetadataFor(context);

/**
 * Prices every line from orders' own price list at placement; an unknown product refuses the order.
 * An order for a registered customer (`customerId`) carries the customer's name and e-mail as they
 * are at placement, and is charged against its credit limit (decideOnOrder).
 */
export async function placeOrder(
  service: Orders,
  input: orders.PlaceOrderInput,
  context: RpcContext,
): Promise<orders.Order> {
  const orderId = newId();
  const [prices, customer] = await service.store.transaction(async (tx) => [
    await pricesOf(
      tx,
      service.schema,
      input.lines.map((l) => l.productId),
    ),
    await customerNamed(tx, service.schema, input),
  ]);
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
      customer,
      ...(input.customerId ? { customerId: input.customerId } : {}),
      locationId: input.locationId,
      lines,
      total,
      notes: input.notes ?? null,
      source: input.source,
      priority: input.priority,
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

/**
 * Changes notes, priority or assignee (not once shipped or cancelled). The assignee is looked up in
 * orders' own view of the gateway's users, fed by `gateway.user.*` events (docs/customers.md says why
 * not the gateway): the rule stays with the order, whichever caller (REST, the mobile BFF) asks.
 */
export async function updateOrder(
  service: Orders,
  orderId: string,
  changes: orders.UpdateOrderInput,
  context: RpcContext,
): Promise<orders.Order> {
  const assignee = changes.assigneeId
    ? await assigneeLookup(service.store.pool, service.schema, changes.assigneeId)
    : undefined;
  await decideOnOrder(
    service,
    { type: 'UpdateOrder', orderId, changes, ...(assignee === undefined ? {} : { assignee }) },
    metadataFrom(context),
    optionsFrom(context),
  );
  return getOrder(service.store.pool, service.schema, orderId);
}

const optionsFrom = (context: RpcContext) => ({
  expectedVersion: context.expectedVersion,
  idempotencyKey: context.idempotencyKey,
});

/**
 * Who an order is for: the inline customer, or the registered one's name and e-mail as they are at
 * placement. An unknown `customerId` is 422 `unknown_customer` (the order is what was asked for).
 */
async function customerNamed(
  tx: Tx,
  schema: string,
  input: orders.PlaceOrderInput,
): Promise<orders.OrderPlaced['customer']> {
  if (input.customer) return input.customer;
  const customer = input.customerId ? await findCustomer(tx, schema, input.customerId) : undefined;
  if (!customer) throw new BusinessRuleError('unknown_customer', 'There is no customer with this customerId');
  return { name: customer.name, ...(customer.email ? { email: customer.email } : {}) };
}
