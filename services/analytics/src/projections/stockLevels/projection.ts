import { inventoryEvents, type TypedEvent } from '@omni/contracts';
import { prepared, type Tx } from '@omni/event-store';
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
      default:
        if (movesStock(event))
          await setAvailable(tx, table, new Map([[event.data.productId, event.data.totals.available]]));
        return;
    }
  },

  /** A run of stock events (every receipt is one) is one statement: each product's last total wins. */
  async applyBatch(tx: Tx, events: readonly InventoryEvent[], t: TableNames) {
    const table = t['stock_levels']!;
    const available = new Map<string, number>();
    for (const event of events) {
      if (movesStock(event)) {
        available.set(event.data.productId, event.data.totals.available);
        continue;
      }
      await setAvailable(tx, table, available); // registrations and updates keep their place in order
      available.clear();
      await this.apply(tx, event, t);
    }
    await setAvailable(tx, table, available);
  },
});

/** The events that carry a product's resulting totals (docs/events.md). */
const STOCK_EVENTS = new Set<string>([
  'inventory.product.stock_received',
  'inventory.product.stock_adjusted',
  'inventory.product.stock_transferred',
  'inventory.product.stock_reserved',
  'inventory.product.reservation_released',
  'inventory.product.reservation_committed',
]);

type StockEvent = Extract<InventoryEvent, { data: { totals: { available: number } } }>;

const movesStock = (event: InventoryEvent): event is StockEvent => STOCK_EVENTS.has(event.type);

async function setAvailable(tx: Tx, table: string, available: ReadonlyMap<string, number>) {
  if (available.size === 0) return;
  await tx.query(
    prepared(
      `UPDATE ${table} s SET available = u.available
         FROM unnest($1::uuid[], $2::int[]) AS u(product_id, available) WHERE s.product_id = u.product_id`,
      [[...available.keys()], [...available.values()]],
    ),
  );
}
