import { isOmniError, ordersEvents, type CloudEvent, type inventory } from '@omni/contracts';
import { reactionContext } from '@omni/messaging';
import { reaction } from '@omni/service-kit';
import type { Inventory } from '../application/context.js';
import { closeReservation, reserveStock } from '../application/reservations.js';

/** What inventory does for an order's events. */
export type OrderReaction =
  | { readonly type: 'ReserveStock'; readonly reservation: inventory.ReserveStockInput }
  | { readonly type: 'ReleaseReservation'; readonly orderId: string }
  | { readonly type: 'CommitReservation'; readonly orderId: string };

/**
 * Inventory's part of the fulfilment saga (docs/saga.md): reserve every line when an order is placed
 * (all or nothing: the outcome is the reservation's `confirmed` or `rejected` event), give the stock
 * back when it is cancelled, take it out when it ships.
 */
export const reactToOrders = reaction({
  name: 'inventory-orders',
  source: { service: 'orders', filterSubject: 'orders.order.>', events: ordersEvents },
  react(event): OrderReaction[] {
    switch (event.type) {
      case 'orders.order.placed': {
        const { orderId, locationId, lines } = event.data;
        const reserved = lines.map(({ productId, quantity }) => ({ productId, quantity }));
        return [{ type: 'ReserveStock', reservation: { orderId, locationId, lines: reserved } }];
      }
      case 'orders.order.cancelled':
        return [{ type: 'ReleaseReservation', orderId: event.data.orderId }];
      case 'orders.order.shipped':
        return [{ type: 'CommitReservation', orderId: event.data.orderId }];
      default:
        return [];
    }
  },
});

/** A redelivery finds the reservation in the state it left it: nothing more to do. */
const ALREADY_DONE = new Set(['duplicate_reservation', 'reservation_not_active', 'reservation_not_found']);

/** Carries out what `reactToOrders` asked for through the application layer. */
export function executeOrderReaction(inventory: Inventory) {
  return async (command: OrderReaction, cause: CloudEvent): Promise<void> => {
    const context = reactionContext(cause);
    try {
      if (command.type === 'ReserveStock') await reserveStock(inventory, command.reservation, context);
      else {
        const how = command.type === 'ReleaseReservation' ? 'release' : 'commit';
        await closeReservation(inventory, command.orderId, how, context);
      }
    } catch (error) {
      if (isOmniError(error) && ALREADY_DONE.has(error.code)) return;
      throw error;
    }
  };
}
