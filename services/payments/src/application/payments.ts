import { NotFoundError, newId, type EventMetadata, type RpcContext, type payments } from '@omni/contracts';
import {
  aggregateIdOf,
  createCommandProcessor,
  decideOnStream,
  streamCommand,
  type CommandProcessor,
  type EventStore,
} from '@omni/event-store';
import { eventMetadataFor } from '@omni/messaging';
import { inlineProjections } from '@omni/projections';
import { paymentDecider, type PaymentCommand } from '../domain/payment/decider.js';
import { orderViewForPayment } from '../projections/orderView/projection.js';
import { PAYMENTS_PROJECTIONS } from '../projections/index.js';
import { getPayment } from '../projections/paymentList/query.js';

export const paymentStream = (paymentId: string) => `payment-${paymentId}`;

export interface Payments {
  readonly store: EventStore;
  readonly schema: string;
  /** Runs every payment command: group commit, the payment list inline. */
  readonly commands: CommandProcessor;
}

export function createPayments(store: EventStore): Payments {
  return {
    store,
    schema: store.schema,
    commands: createCommandProcessor({
      store,
      project: inlineProjections(store.schema, PAYMENTS_PROJECTIONS),
    }),
  };
}

export const metadataFrom = (context: RpcContext): EventMetadata => eventMetadataFor(context);

const paymentNotFound = () => new NotFoundError('There is no such payment', 'payment_not_found');

/**
 * Records a payment against orders' view of its order. The view's row is read (and locked) in the
 * command's transaction, and payments for one order never share a transaction: each sees what the
 * one before it paid, so together they never pay more than is due.
 */
export async function recordPayment(
  service: Payments,
  input: payments.RecordPaymentInput,
  context: RpcContext,
) {
  const paymentId = newId();
  const streamId = paymentStream(paymentId);
  const outcome = await service.commands.execute({
    streams: [streamId],
    exclusive: [`order-view-${input.orderId}`],
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
    run: async (session) =>
      decideOnStream(session, {
        streamId,
        decider: paymentDecider,
        command: {
          type: 'RecordPayment',
          paymentId,
          orderId: input.orderId,
          amount: input.amount,
          method: input.method,
          reference: input.reference ?? null,
          order: await orderViewForPayment(session.tx, service.schema, input.orderId),
        },
      }),
  });
  // A repeated Idempotency-Key answers with the payment its first run recorded.
  const recorded = outcome.replayed ? aggregateIdOf(outcome.streamId) : paymentId;
  return getPayment(service.store.pool, service.schema, recorded);
}

export async function refundPayment(
  service: Payments,
  paymentId: string,
  input: payments.RefundInput,
  metadata: EventMetadata,
  idempotencyKey?: string,
) {
  const command: PaymentCommand = {
    type: 'RefundPayment',
    paymentId,
    refundId: newId(),
    amount: input.amount,
    reason: input.reason,
  };
  await service.commands.execute(
    streamCommand({
      streamId: paymentStream(paymentId),
      decider: paymentDecider,
      command,
      ifMissing: paymentNotFound,
      metadata,
      idempotencyKey,
    }),
  );
  return getPayment(service.store.pool, service.schema, paymentId);
}

/** A cancelled order gets back everything still refundable on each of its payments. */
export async function refundCancelledOrder(
  service: Payments,
  orderId: string,
  metadata: EventMetadata,
): Promise<void> {
  const { rows } = await service.store.pool.query<{ id: string; left: string; currency: string }>(
    `SELECT id, amount - refunded AS left, currency FROM ${service.schema}.payment_list WHERE order_id = $1 AND amount > refunded`,
    [orderId],
  );
  for (const row of rows) {
    await refundPayment(
      service,
      row.id,
      { amount: { amount: Number(row.left), currency: row.currency }, reason: 'order_cancelled' },
      metadata,
    );
  }
}
