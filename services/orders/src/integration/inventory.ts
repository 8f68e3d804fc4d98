import { inventoryEvents } from '@omni/contracts';
import { reaction } from '@omni/service-kit';
import type { OrderCommand } from '../domain/order/decider.js';

/** The reservation's outcome moves the order on: awaiting payment, or rejected with the failed lines. */
export const reactToReservations = reaction({
  name: 'orders-reservations',
  source: { service: 'inventory', filterSubject: 'inventory.reservation.>', events: inventoryEvents },
  react(event): OrderCommand[] {
    switch (event.type) {
      case 'inventory.reservation.confirmed':
        return [{ type: 'ConfirmReservation', orderId: event.data.orderId }];
      case 'inventory.reservation.rejected': {
        const { orderId, reason, failedLines } = event.data;
        return [{ type: 'RejectReservation', orderId, reason, failedLines }];
      }
      default:
        return [];
    }
  },
});
