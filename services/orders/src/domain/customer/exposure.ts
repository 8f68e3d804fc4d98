import { money, type orders } from '@omni/contracts';
import type { OrderState } from '../order/decider.js';
import type { CustomerCommand } from './decider.js';

/**
 * What an order's newly decided events mean for its customer's balance (docs/customers.md): placing
 * charges its total, a payment credits what was paid, cancelling releases what was still unpaid, a
 * rejected order releases its whole total. Pure: the order's state after the events says who the
 * customer is and what the total was. Orders with an inline customer touch no customer.
 */
export function exposureCommands(order: OrderState, events: readonly orders.OrderEvent[]): CustomerCommand[] {
  if (order.status === 'none' || !order.customerId) return [];
  const { customerId, total } = order;
  return events.flatMap((event): CustomerCommand[] => {
    switch (event.type) {
      case 'placed':
        return [{ type: 'ChargeOrder', customerId, orderId: event.data.orderId, amount: event.data.total }];
      case 'payment_applied': {
        const { orderId, paymentId, amount } = event.data;
        return [{ type: 'CreditPayment', customerId, orderId, paymentId, amount }];
      }
      case 'cancelled': {
        const unpaid = money(total.amount - event.data.paid.amount, total.currency);
        return [
          {
            type: 'ReleaseOrder',
            customerId,
            orderId: event.data.orderId,
            amount: unpaid,
            reason: 'cancelled',
          },
        ];
      }
      case 'status_changed':
        return event.data.to === 'rejected'
          ? [
              {
                type: 'ReleaseOrder',
                customerId,
                orderId: event.data.orderId,
                amount: total,
                reason: 'rejected',
              },
            ]
          : [];
      default:
        return [];
    }
  });
}
