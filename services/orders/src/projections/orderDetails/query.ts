import { NotFoundError, cursorKey, pageOf, type Page, type orders } from '@omni/contracts';
import type { Pool, PoolClient } from 'pg';

interface OrderRow {
  id: string;
  status: orders.OrderStatus;
  customer: orders.Order['customer'];
  location_id: string;
  lines: orders.OrderLine[];
  notes: string | null;
  customer_id: string | null;
  source: orders.OrderSource;
  priority: orders.OrderPriority;
  assignee_id: string | null;
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

/** Filters of `GET /orders`, each backed by an index on (column, id); all given must match. */
const FILTERS = [
  ['status', 'status', 'text'],
  ['assigneeId', 'assignee_id', 'uuid'],
  ['priority', 'priority', 'text'],
  ['source', 'source', 'text'],
  ['customerId', 'customer_id', 'uuid'],
] as const;

/** Newest first (ids are UUID v7, ordered by creation). */
export async function listOrders(
  db: Pool | PoolClient,
  schema: string,
  query: orders.ListOrdersQuery,
): Promise<Page<orders.Order>> {
  const before = cursorKey(query.cursor, ['string'])?.[0];
  const given = FILTERS.filter(([field]) => query[field] !== undefined);
  const conditions = given.map(([, column, type], i) => `${column} = $${i + 3}::${type}`);
  const params: unknown[] = [before ?? null, query.limit + 1, ...given.map(([field]) => query[field])];
  if (query.productId) {
    // A line of the product: the GIN index on lines (jsonb_path_ops) answers the containment.
    params.push(JSON.stringify([{ productId: query.productId }]));
    conditions.push(`lines @> $${params.length}::jsonb`);
  }
  const { rows } = await db.query<OrderRow>(
    `SELECT * FROM ${schema}.order_list
      WHERE ($1::uuid IS NULL OR id < $1) ${conditions.map((c) => `AND ${c}`).join(' ')}
      ORDER BY id DESC LIMIT $2`,
    params,
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
    customerId: row.customer_id,
    locationId: row.location_id,
    lines: row.lines,
    notes: row.notes,
    source: row.source,
    priority: row.priority,
    assigneeId: row.assignee_id,
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
