import type { payments } from '@omni/contracts';
import { asDomainEvent, type StoredEvent, type Tx } from '@omni/event-store';
import { tableExists, type Projection, type TableNames } from '@omni/projections';

/** One row per payment with its refunds (GET /payments, GET /payments/{id}). */
export const paymentListProjection: Projection = {
  name: 'payments',
  tables: ['payment_list'],

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['payment_list']!)) return;
    await tx.query(`
      CREATE TABLE ${t['payment_list']} (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL,
        amount bigint NOT NULL,
        currency char(3) NOT NULL,
        method text NOT NULL,
        reference text,
        refunded bigint NOT NULL DEFAULT 0,
        refunds jsonb NOT NULL DEFAULT '[]',
        recorded_at timestamptz NOT NULL,
        version int NOT NULL
      );
      CREATE INDEX ON ${t['payment_list']} (order_id, id);`);
  },

  async apply(tx: Tx, event: StoredEvent, t: TableNames) {
    const e = asDomainEvent<payments.PaymentEvent>(event);
    const table = t['payment_list']!;
    if (e.type === 'recorded') {
      const d = e.data;
      await tx.query(
        `INSERT INTO ${table} (id, order_id, amount, currency, method, reference, recorded_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
        [
          d.paymentId,
          d.orderId,
          d.amount.amount,
          d.amount.currency,
          d.method,
          d.reference,
          event.recordedAt,
          event.streamVersion,
        ],
      );
    } else if (e.type === 'refunded') {
      const d = e.data;
      const refund = {
        id: d.refundId,
        amount: d.amount,
        reason: d.reason,
        refundedAt: event.recordedAt.toISOString(),
      };
      await tx.query(
        `UPDATE ${table} SET refunded = refunded + $2, refunds = refunds || $3::jsonb, version = $4 WHERE id = $1`,
        [d.paymentId, d.amount.amount, JSON.stringify([refund]), event.streamVersion],
      );
    }
  },
};
