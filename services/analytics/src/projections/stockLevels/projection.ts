import { inventoryEvents, type TypedEvent } from '@omni/contracts';
import type { Tx } from '@omni/event-store';
import { streamProjection, tableExists, type TableNames } from '@omni/projections';

type InventoryEvent = TypedEvent<typeof inventoryEvents>;

/**
 * Each product's reorder level and total available, from inventory's stream, so the operations
 * dashboard counts low-stock products (available at or below the reorder level, CONTRACT §4) with a
 * partial index rather than a scan. Every stock event carries the resulting totals (docs/events.md).
 */
export const stockLevelsProjection = streamProjection({
  name: 'stockLevels',
  tables: ['stock_levels'],
  source: { service: 'inventory', filterSubject: 'inventory.product.>', events: inventoryEvents },

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['stock_levels']!)) return;
    await tx.query(`
      CREATE TABLE ${t['stock_levels']} (
        product_id uuid PRIMARY KEY,
        reorder_level int NOT NULL,
        available int NOT NULL DEFAULT 0,
        low boolean GENERATED ALWAYS AS (available <= reorder_level) STORED
      );
      CREATE INDEX ON ${t['stock_levels']} (product_id) WHERE low`);
  },

  async apply(tx: Tx, event: InventoryEvent, t: TableNames) {
    const table = t['stock_levels']!;
    switch (event.type) {
      case 'inventory.product.registered':
        await tx.query(
          `INSERT INTO ${table} (product_id, reorder_level) VALUES ($1, $2) ON CONFLICT (product_id) DO NOTHING`,
          [event.data.productId, event.data.reorderLevel],
        );
        return;
      case 'inventory.product.updated':
        if (event.data.changes.reorderLevel === undefined) return;
        await tx.query(`UPDATE ${table} SET reorder_level = $2 WHERE product_id = $1`, [
          event.data.productId,
          event.data.changes.reorderLevel,
        ]);
        return;
      case 'inventory.product.stock_received':
      case 'inventory.product.stock_adjusted':
      case 'inventory.product.stock_transferred':
      case 'inventory.product.stock_reserved':
      case 'inventory.product.reservation_released':
      case 'inventory.product.reservation_committed':
        await tx.query(`UPDATE ${table} SET available = $2 WHERE product_id = $1`, [
          event.data.productId,
          event.data.totals.available,
        ]);
        return;
      default:
        return;
    }
  },
});
