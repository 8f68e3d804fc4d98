import { type CloudEvent, type inventory, type Logger, type payments } from '@omni/contracts';
import { startConsumer, type NatsConnection, type RunningConsumer } from '@omni/messaging';
import { decideOnOrder, type Orders } from '../application/orders.js';
import { applyProductEvent } from '../projections/priceList/projection.js';

/** Causation of a reaction: the event it reacts to, in the same correlation. */
const causedBy = (event: CloudEvent) => ({
  correlationId: event.correlationid,
  causationId: event.id,
  ...(event.traceparent ? { traceparent: event.traceparent } : {}),
});

/**
 * What orders does when other services' events arrive (the process manager of the saga): keep the
 * price list, move orders on when stock is reserved or refused, apply payments. Each reaction is an
 * order command, idempotent by the decider; the price list moves forward by version only.
 */
export async function startOrderReactions(
  nats: NatsConnection,
  service: Orders,
  logger: Logger,
): Promise<RunningConsumer[]> {
  return Promise.all([
    startConsumer({
      nats,
      stream: 'INVENTORY',
      durable: 'orders-price-list',
      filterSubject: 'inventory.product.>',
      logger,
      handle: (event) => service.store.transaction((tx) => applyProductEvent(tx, service.schema, event)),
    }),
    startConsumer({
      nats,
      stream: 'INVENTORY',
      durable: 'orders-reservations',
      filterSubject: 'inventory.reservation.>',
      logger,
      handle: async (event) => {
        if (event.type === 'inventory.reservation.confirmed') {
          await decideOnOrder(
            service,
            { type: 'ConfirmReservation', orderId: event.subject },
            causedBy(event),
          );
        } else if (event.type === 'inventory.reservation.rejected') {
          const data = event.data as unknown as inventory.ReservationRejected;
          const command = {
            type: 'RejectReservation',
            orderId: event.subject,
            reason: data.reason,
            failedLines: data.failedLines,
          } as const;
          await decideOnOrder(service, command, causedBy(event));
        }
      },
    }),
    startConsumer({
      nats,
      stream: 'PAYMENTS',
      durable: 'orders-payments',
      filterSubject: 'payments.payment.>',
      logger,
      handle: async (event) => {
        if (event.type !== 'payments.payment.recorded') return;
        const data = event.data as unknown as payments.PaymentRecorded;
        const command = {
          type: 'ApplyPayment',
          orderId: data.orderId,
          paymentId: data.paymentId,
          amount: data.amount,
        } as const;
        await decideOnOrder(service, command, causedBy(event));
      },
    }),
  ]);
}
