import { ordersEvents, type CloudEvent } from '@omni/contracts';
import { causedBy } from '@omni/messaging';
import { reaction } from '@omni/service-kit';
import { refundCancelledOrder, type Payments } from '../application/payments.js';

/** What payments does for an order's events. */
export type OrderReaction = { readonly type: 'RefundCancelledOrder'; readonly orderId: string };

/**
 * What was paid on a cancelled order is given back (docs/saga.md). A redelivered cancellation finds
 * nothing left to refund. Payments' view of orders is a read model (projections/orderView).
 */
export const reactToOrders = reaction({
  name: 'payments-orders',
  source: { service: 'orders', filterSubject: 'orders.order.>', events: ordersEvents },
  react(event): OrderReaction[] {
    if (event.type !== 'orders.order.cancelled') return [];
    return [{ type: 'RefundCancelledOrder', orderId: event.data.orderId }];
  },
});

export function executeOrderReaction(payments: Payments) {
  return async (command: OrderReaction, cause: CloudEvent): Promise<void> => {
    await refundCancelledOrder(payments, command.orderId, causedBy(cause));
  };
}
