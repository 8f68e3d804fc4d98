import { NotFoundError, cursorKey, pageOf, type Page, type orders } from '@omni/contracts';
import type { Pool, PoolClient } from 'pg';

interface OrderRow {
  id: string;
  status: orders.OrderStatus;
  customer: orders.Order['customer'];
  location_id: string;
  lines: orders.OrderLine[];
  notes: string | null;
  total_amount: string;
  currency: string;
  paid_amount: string;
  history: orders.Order['statusHistory'];
  rejection: orders.Order['rejection'];
  version: number;
  created_at: Date;
}

export async function getOrder(
  db: Pool | PoolClient,
  schema: string,
  orderId: string,
): Promise<orders.Order> {
  const { rows } = await db.query<OrderRow>(`SELECT * FROM ${schema}.order_list WHERE id = $1`, [orderId]);
  if (!rows[0]) throw new NotFoundError('Order not found', 'order_not_found');
  return toOrder(rows[0]);
}

/** Newest first (ids are UUID v7, ordered by creation). */
export async function listOrders(
  db: Pool | PoolClient,
  schema: string,
  query: orders.ListOrdersQuery,
): Promise<Page<orders.Order>> {
  const before = cursorKey(query.cursor, ['string'])?.[0];
  const { rows } = await db.query<OrderRow>(
    `SELECT * FROM ${schema}.order_list
      WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR id < $2)
        AND ($4::jsonb IS NULL OR lines @> $4::jsonb)
      ORDER BY id DESC LIMIT $3`,
    [
      query.status ?? null,
      before ?? null,
      query.limit + 1,
      query.productId ? JSON.stringify([{ productId: query.productId }]) : null,
    ],
  );
  return pageOf(rows, query.limit, (row) => [row.id], toOrder);
}

/** Uses the (status, id) index: an index-only count for the statuses an order spends little time in. */
export async function countOrders(
  db: Pool | PoolClient,
  schema: string,
  status: orders.OrderStatus,
): Promise<{ count: number }> {
  const { rows } = await db.query<{ count: string }>(
    `SELECT count(*) FROM ${schema}.order_list WHERE status = $1`,
    [status],
  );
  return { count: Number(rows[0]!.count) };
}

function toOrder(row: OrderRow): orders.Order {
  const total = Number(row.total_amount);
  const paid = Number(row.paid_amount);
  return {
    id: row.id,
    status: row.status,
    customer: row.customer,
    locationId: row.location_id,
    lines: row.lines,
    notes: row.notes,
    total: { amount: total, currency: row.currency },
    paid: { amount: paid, currency: row.currency },
    due: {
      amount: row.status === 'awaiting_payment' ? Math.max(0, total - paid) : 0,
      currency: row.currency,
    },
    statusHistory: row.history,
    rejection: row.rejection,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}
