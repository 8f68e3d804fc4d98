import type { inventory } from '@omni/contracts';
import type { StoredEvent, Tx } from '@omni/event-store';
import { asDomainEvent } from '@omni/event-store';
import { tableExists, type Projection, type TableNames } from '@omni/projections';

/**
 * The units of each product held for orders not yet shipped or cancelled (the mobile product screen,
 * docs/mobile.md). A reservation's product events say it all: `stock_reserved` opens a row,
 * `reservation_released` and `reservation_committed` close it.
 */
export const openReservationsProjection: Projection = {
  name: 'open_reservations',
  tables: ['open_reservations'],

  async createTables(tx: Tx, t: TableNames) {
    const table = t['open_reservations']!;
    if (await tableExists(tx, table)) return;
    await tx.query(`
      CREATE TABLE ${table} (
        product_id uuid NOT NULL,
        order_id uuid NOT NULL,
        location_id uuid NOT NULL,
        quantity int NOT NULL,
        reserved_at timestamptz NOT NULL,
        PRIMARY KEY (product_id, order_id)
      );`);
  },

  async apply(tx: Tx, event: StoredEvent, t: TableNames) {
    if (!event.streamId.startsWith('product-')) return;
    const e = asDomainEvent<inventory.ProductEvent>(event);
    const table = t['open_reservations']!;
    switch (e.type) {
      case 'stock_reserved':
        await tx.query(
          `INSERT INTO ${table} (product_id, order_id, location_id, quantity, reserved_at)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [e.data.productId, e.data.orderId, e.data.locationId, e.data.quantity, event.recordedAt],
        );
        return;
      case 'reservation_released':
      case 'reservation_committed':
        await tx.query(`DELETE FROM ${table} WHERE product_id = $1 AND order_id = $2`, [
          e.data.productId,
          e.data.orderId,
        ]);
        return;
      default:
        return;
    }
  },
};
