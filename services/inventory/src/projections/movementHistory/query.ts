import { cursorKey, pageOf, type Page, type PageQuery, type inventory } from '@omni/contracts';
import type { Pool, PoolClient } from 'pg';

interface MovementRow {
  stream_version: number;
  line: number;
  event_id: string;
  event_type: string;
  location_id: string;
  quantity_delta: number;
  reference: string | null;
  reason: string | null;
  order_id: string | null;
  recorded_at: Date;
}

/** Newest first: ordered by the product stream's version, which is the order the movements happened. */
export async function listMovements(
  db: Pool | PoolClient,
  schema: string,
  productId: string,
  query: PageQuery,
): Promise<Page<inventory.Movement>> {
  const before = cursorKey(query.cursor, ['number', 'number']);
  const { rows } = await db.query<MovementRow>(
    `SELECT stream_version, line, event_id, event_type, location_id, quantity_delta, reference, reason,
            order_id, recorded_at
       FROM ${schema}.movements
      WHERE product_id = $1 AND ($2::int IS NULL OR (stream_version, line) < ($2, $3))
      ORDER BY stream_version DESC, line DESC LIMIT $4`,
    [productId, before?.[0] ?? null, before?.[1] ?? null, query.limit + 1],
  );
  return pageOf(rows, query.limit, (row) => [row.stream_version, row.line], toMovement);
}

function toMovement(row: MovementRow): inventory.Movement {
  return {
    eventId: row.event_id,
    type: row.event_type,
    locationId: row.location_id,
    quantityDelta: row.quantity_delta,
    reference: row.reference,
    reason: row.reason,
    orderId: row.order_id,
    at: row.recorded_at.toISOString(),
  };
}
