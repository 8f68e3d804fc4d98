import { ordersEvents, type TypedEvent } from '@omni/contracts';
import type { Tx } from '@omni/event-store';
import { streamProjection, tableExists, type TableNames } from '@omni/projections';
import type { OrderView } from '../../domain/payment/decider.js';

type OrderEvent = TypedEvent<typeof ordersEvents>;

/**
 * Orders' events as payments needs them: total and status, to judge a payment against. Fed by the
 * ORDERS stream, rebuilt from it by `omni replay payments`. A row moves forward by stream version
 * only, a second guard beside the stream checkpoint.
 */
export const orderViewProjection = streamProjection({
  name: 'orderView',
  tables: ['order_view'],
  source: { service: 'orders', filterSubject: 'orders.order.>', events: ordersEvents },

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['order_view']!)) return;
    await tx.query(`
      CREATE TABLE ${t['order_view']} (
        order_id uuid PRIMARY KEY,
        status text NOT NULL,
        total_amount bigint NOT NULL,
        currency char(3) NOT NULL,
        version int NOT NULL
      )`);
  },

  async apply(tx: Tx, event: OrderEvent, t: TableNames) {
    if (event.type === 'orders.order.placed') {
      const d = event.data;
      await tx.query(
        `INSERT INTO ${t['order_view']} VALUES ($1, 'pending', $2, $3, $4) ON CONFLICT (order_id) DO NOTHING`,
        [d.orderId, d.total.amount, d.total.currency, event.streamversion],
      );
      return;
    }
    const change = statusChangeOf(event);
    if (!change) return;
    await tx.query(
      `UPDATE ${t['order_view']} SET status = $2, version = $3 WHERE order_id = $1 AND version < $3`,
      [change.orderId, change.status, event.streamversion],
    );
  },
});

/** The order's status after an event, for events that change it (customer events never do). */
function statusChangeOf(event: OrderEvent): { orderId: string; status: string } | undefined {
  switch (event.type) {
    case 'orders.order.status_changed':
      return { orderId: event.data.orderId, status: event.data.to };
    case 'orders.order.cancelled':
      return { orderId: event.data.orderId, status: 'cancelled' };
    case 'orders.order.shipped':
      return { orderId: event.data.orderId, status: 'shipped' };
    default:
      return undefined;
  }
}

/** Locks the order's row: two payments for one order are decided one after the other (no overpaying). */
export async function orderViewForPayment(
  tx: Tx,
  schema: string,
  orderId: string,
): Promise<OrderView | undefined> {
  // Lock first, read after, in two statements: a statement reads from the snapshot it started with,
  // so a sum taken in the statement that waited for the lock would miss the payment whose commit
  // released it (a second replica would then pay the same order again).
  await tx.query(`SELECT 1 FROM ${schema}.order_view WHERE order_id = $1 FOR UPDATE`, [orderId]);
  const { rows } = await tx.query<{ status: string; total_amount: string; currency: string; paid: string }>(
    `SELECT o.status, o.total_amount, o.currency,
            (SELECT coalesce(sum(amount), 0) FROM ${schema}.payment_list p WHERE p.order_id = o.order_id) AS paid
       FROM ${schema}.order_view o WHERE o.order_id = $1`,
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
