import { newId, type EventMetadata, type RpcContext, type payments } from '@omni/contracts';
import { onceByKey, runCommand, type EventStore } from '@omni/event-store';
import { eventMetadataFor } from '@omni/messaging';
import { applyEvents, liveTables } from '@omni/projections';
import { paymentDecider, type PaymentCommand } from '../domain/payment/decider.js';
import { orderViewForPayment } from '../projections/orderView/projection.js';
import { paymentListProjection } from '../projections/paymentList/projection.js';
import { getPayment } from '../projections/paymentList/query.js';

export const paymentStream = (paymentId: string) => `payment-${paymentId}`;

export interface Payments {
  readonly store: EventStore;
  readonly schema: string;
}

export const metadataFrom = (context: RpcContext): EventMetadata => eventMetadataFor(context);

/** One payment command; recording reads (and locks) the order's view in the same transaction. */
async function decideOnPayment(
  service: Payments,
  build: (tx: import('@omni/event-store').Tx) => Promise<PaymentCommand>,
  metadata: EventMetadata,
  idempotencyKey?: string,
): Promise<string> {
  const tables = liveTables(service.schema, paymentListProjection);
  return runCommand(service.store, async (session) => {
    const once = await onceByKey(session, service.store, idempotencyKey, async () => {
      const command = await build(session.tx);
      const stream = paymentStream(command.paymentId);
      const { state, version } = await session.load(stream, paymentDecider);
      const decided = paymentDecider.decide(command, state);
      if (!Array.isArray(decided)) throw decided;
      const events = await session.append([
        { streamId: stream, expectedVersion: version, events: decided.map((e) => ({ ...e, metadata })) },
      ]);
      await applyEvents(session.tx, paymentListProjection, events, tables);
      return { result: events, streamId: stream };
    });
    // The payment the command wrote, or the one its first run wrote when the key was seen before.
    return once.streamId.slice('payment-'.length);
  });
}

export async function recordPayment(
  service: Payments,
  input: payments.RecordPaymentInput,
  context: RpcContext,
) {
  const paymentId = newId();
  const recorded = await decideOnPayment(
    service,
    async (tx) => ({
      type: 'RecordPayment',
      paymentId,
      orderId: input.orderId,
      amount: input.amount,
      method: input.method,
      reference: input.reference ?? null,
      order: await orderViewForPayment(tx, service.schema, input.orderId),
    }),
    metadataFrom(context),
    context.idempotencyKey,
  );
  return getPayment(service.store.pool, service.schema, recorded);
}

export async function refundPayment(
  service: Payments,
  paymentId: string,
  input: payments.RefundInput,
  metadata: EventMetadata,
  idempotencyKey?: string,
) {
  await decideOnPayment(
    service,
    async () => ({
      type: 'RefundPayment',
      paymentId,
      refundId: newId(),
      amount: input.amount,
      reason: input.reason,
    }),
    metadata,
    idempotencyKey,
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
