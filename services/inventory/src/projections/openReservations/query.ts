import type { inventory } from '@omni/contracts';
import type { Pool, PoolClient } from 'pg';

interface OpenReservationRow {
  order_id: string;
  location_id: string;
  quantity: number;
  reserved_at: Date;
}

/** Newest first, at most `limit`: a product rarely has more open orders than a screen shows. */
export async function listOpenReservations(
  db: Pool | PoolClient,
  schema: string,
  productId: string,
  limit: number,
): Promise<inventory.OpenReservation[]> {
  const { rows } = await db.query<OpenReservationRow>(
    `SELECT order_id, location_id, quantity, reserved_at FROM ${schema}.open_reservations
      WHERE product_id = $1 ORDER BY reserved_at DESC, order_id DESC LIMIT $2`,
    [productId, limit],
  );
  return rows.map((row) => ({
    orderId: row.order_id,
    locationId: row.location_id,
    quantity: row.quantity,
    reservedAt: row.reserved_at.toISOString(),
  }));
}
