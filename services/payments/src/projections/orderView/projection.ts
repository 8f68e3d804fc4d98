import type { CloudEvent, orders } from '@omni/contracts';
import type { Tx } from '@omni/event-store';
import type { OrderView } from '../../domain/payment/decider.js';

export const ORDER_VIEW_DDL = (schema: string) => `
  CREATE TABLE IF NOT EXISTS ${schema}.order_view (
    order_id uuid PRIMARY KEY,
    status text NOT NULL,
    total_amount bigint NOT NULL,
    currency char(3) NOT NULL,
    version int NOT NULL
  )`;

/** Orders' events as payments needs them: total and status. Moves forward by stream version only. */
export async function applyOrderEvent(tx: Tx, schema: string, event: CloudEvent): Promise<void> {
  if (event.type === 'orders.order.placed') {
    const d = event.data as unknown as orders.OrderPlaced;
    await tx.query(
      `INSERT INTO ${schema}.order_view VALUES ($1, 'pending', $2, $3, $4) ON CONFLICT (order_id) DO NOTHING`,
      [d.orderId, d.total.amount, d.total.currency, event.streamversion],
    );
    return;
  }
  const status =
    event.type === 'orders.order.status_changed'
      ? (event.data as unknown as orders.OrderStatusChanged).to
      : event.type === 'orders.order.cancelled'
        ? 'cancelled'
        : event.type === 'orders.order.shipped'
          ? 'shipped'
          : undefined;
  if (!status) return;
  await tx.query(
    `UPDATE ${schema}.order_view SET status = $2, version = $3 WHERE order_id = $1 AND version < $3`,
    [event.subject, status, event.streamversion],
  );
}

/** Locks the order's row: two payments for one order are decided one after the other (no overpaying). */
export async function orderViewForPayment(
  tx: Tx,
  schema: string,
  orderId: string,
): Promise<OrderView | undefined> {
  const { rows } = await tx.query<{ status: string; total_amount: string; currency: string; paid: string }>(
    `SELECT o.status, o.total_amount, o.currency,
            (SELECT coalesce(sum(amount), 0) FROM ${schema}.payment_list p WHERE p.order_id = o.order_id) AS paid
       FROM ${schema}.order_view o WHERE o.order_id = $1 FOR UPDATE`,
    [orderId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    status: row.status,
    total: { amount: Number(row.total_amount), currency: row.currency },
    paid: { amount: Number(row.paid), currency: row.currency },
  };
}
