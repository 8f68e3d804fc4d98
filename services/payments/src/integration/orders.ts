import type { Logger } from '@omni/contracts';
import { startConsumer, type NatsConnection, type RunningConsumer } from '@omni/messaging';
import { refundCancelledOrder, type Payments } from '../application/payments.js';
import { applyOrderEvent } from '../projections/orderView/projection.js';

/**
 * Payments follows orders: it keeps the order view (total, status) that payments are checked against,
 * and refunds what was paid when an order is cancelled. A redelivered cancellation finds nothing
 * left to refund.
 */
export function startOrderReactions(
  nats: NatsConnection,
  service: Payments,
  logger: Logger,
): Promise<RunningConsumer> {
  return startConsumer({
    nats,
    stream: 'ORDERS',
    durable: 'payments-orders',
    filterSubject: 'orders.order.>',
    logger,
    handle: async (event) => {
      await service.store.transaction((tx) => applyOrderEvent(tx, service.schema, event));
      if (event.type === 'orders.order.cancelled') {
        await refundCancelledOrder(service, event.subject, {
          correlationId: event.correlationid,
          causationId: event.id,
          ...(event.traceparent ? { traceparent: event.traceparent } : {}),
        });
      }
    },
  });
}
