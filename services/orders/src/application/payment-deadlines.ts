import type { DurableTimer } from '@omni/service-kit';
import { decideOnOrder, type Orders } from './orders.js';

/**
 * Cancels orders left awaiting payment longer than ORDER_PAYMENT_TIMEOUT_MS with `payment_timeout`.
 * Deadlines are rows written with the order's status (the orderDetails read model); the decider
 * ignores an order that is no longer awaiting payment, so a deadline fires at most once. Fired by
 * service-kit's durable timers: one leader across replicas.
 */
export function paymentDeadline(service: Orders, timeoutMs: number): DurableTimer {
  return {
    name: 'payment-deadline',
    table: `${service.schema}.payment_deadlines`,
    keyColumn: 'order_id',
    anchorColumn: 'awaiting_since',
    delayMs: timeoutMs,
    async fire(orderId) {
      const metadata = { correlationId: orderId, causationId: `payment-deadline:${orderId}` };
      await decideOnOrder(service, { type: 'ExpirePayment', orderId }, metadata);
    },
  };
}
