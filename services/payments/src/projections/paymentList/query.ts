import { NotFoundError, cursorKey, pageOf, type Page, type payments } from '@omni/contracts';
import type { Pool, PoolClient } from 'pg';

interface PaymentRow {
  id: string;
  order_id: string;
  amount: string;
  currency: string;
  method: payments.Payment['method'];
  reference: string | null;
  refunded: string;
  refunds: payments.Payment['refunds'];
  recorded_at: Date;
  version: number;
}

export async function getPayment(
  db: Pool | PoolClient,
  schema: string,
  paymentId: string,
): Promise<payments.Payment> {
  const { rows } = await db.query<PaymentRow>(`SELECT * FROM ${schema}.payment_list WHERE id = $1`, [
    paymentId,
  ]);
  if (!rows[0]) throw new NotFoundError('Payment not found', 'payment_not_found');
  return toPayment(rows[0]);
}

export async function listPayments(
  db: Pool | PoolClient,
  schema: string,
  query: payments.ListPaymentsQuery,
): Promise<Page<payments.Payment>> {
  const after = cursorKey(query.cursor, ['string'])?.[0];
  const { rows } = await db.query<PaymentRow>(
    `SELECT * FROM ${schema}.payment_list WHERE ($1::uuid IS NULL OR order_id = $1) AND ($2::uuid IS NULL OR id > $2)
      ORDER BY id LIMIT $3`,
    [query.orderId ?? null, after ?? null, query.limit + 1],
  );
  return pageOf(rows, query.limit, (row) => [row.id], toPayment);
}

function toPayment(row: PaymentRow): payments.Payment {
  const amount = Number(row.amount);
  const refunded = Number(row.refunded);
  return {
    id: row.id,
    orderId: row.order_id,
    amount: { amount, currency: row.currency },
    method: row.method,
    reference: row.reference,
    status: refunded === 0 ? 'recorded' : refunded < amount ? 'partially_refunded' : 'refunded',
    recordedAt: row.recorded_at.toISOString(),
    refunded: { amount: refunded, currency: row.currency },
    refunds: row.refunds,
    version: row.version,
  };
}
