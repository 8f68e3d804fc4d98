import { ordersEvents, type TypedEvent } from '@omni/contracts';
import type { Tx } from '@omni/event-store';
import type { Pool } from 'pg';
import { streamProjection, tableExists, type TableNames } from '@omni/projections';

type OrdersEvent = TypedEvent<typeof ordersEvents>;

/**
 * Who placed each order: the `actorid` of its `placed` event (CONTRACT §6 in docs/events.md). Order
 * status and payment notifications go to that user. Null when an order was placed by no user.
 */
export const orderPlacersProjection = streamProjection({
  name: 'order-placers',
  tables: ['order_placers'],
  source: { service: 'orders', filterSubject: 'orders.order.*.placed', events: ordersEvents },

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['order_placers']!)) return;
    await tx.query(`CREATE TABLE ${t['order_placers']} (order_id uuid PRIMARY KEY, placer_id uuid)`);
  },

  async apply(tx: Tx, event: OrdersEvent, t: TableNames) {
    if (event.type !== 'orders.order.placed') return;
    await tx.query(`INSERT INTO ${t['order_placers']} VALUES ($1, $2) ON CONFLICT (order_id) DO NOTHING`, [
      event.data.orderId,
      event.actorid ?? null,
    ]);
  },
});

/** `undefined`: the order's `placed` event has not reached this view yet; `null`: no user placed it. */
export async function placerOf(tx: Pool | Tx, schema: string, orderId: string): Promise<string | null | undefined> {
  const { rows } = await tx.query<{ placer_id: string | null }>(
    `SELECT placer_id FROM ${schema}.order_placers WHERE order_id = $1`,
    [orderId],
  );
  return rows[0] ? rows[0].placer_id : undefined;
}
