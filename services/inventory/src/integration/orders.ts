import { isOmniError, type CloudEvent, type Logger, type orders } from '@omni/contracts';
import { startConsumer, type NatsConnection, type RunningConsumer } from '@omni/messaging';
import type { Inventory } from '../application/context.js';
import { closeReservation, reserveStock } from '../application/reservations.js';

/**
 * Inventory's part of the fulfilment saga: reserve every line when an order is placed (all or
 * nothing: the outcome is the reservation's `confirmed` or `rejected` event), give the stock back
 * when it is cancelled, take it out when it ships. Replays of the same event find the reservation in
 * the state it left it and change nothing.
 */
export function startOrderReactions(
  nats: NatsConnection,
  inventory: Inventory,
  logger: Logger,
): Promise<RunningConsumer> {
  return startConsumer({
    nats,
    stream: 'ORDERS',
    durable: 'inventory-orders',
    filterSubject: 'orders.order.>',
    logger,
    handle: (event) => react(inventory, event),
  });
}

const ALREADY_DONE = new Set(['duplicate_reservation', 'reservation_not_active', 'reservation_not_found']);

async function react(inventory: Inventory, event: CloudEvent): Promise<void> {
  const context = { correlationId: event.correlationid };
  try {
    if (event.type === 'orders.order.placed') {
      const order = event.data as unknown as orders.OrderPlaced;
      const lines = order.lines.map(({ productId, quantity }) => ({ productId, quantity }));
      await reserveStock(inventory, { orderId: order.orderId, locationId: order.locationId, lines }, context);
    } else if (event.type === 'orders.order.cancelled') {
      await closeReservation(inventory, event.subject, 'release', context);
    } else if (event.type === 'orders.order.shipped') {
      await closeReservation(inventory, event.subject, 'commit', context);
    }
  } catch (error) {
    // A redelivery, or a cancellation of an order whose stock was never reserved: nothing to do.
    if (isOmniError(error) && ALREADY_DONE.has(error.code)) return;
    throw error;
  }
}
