import type { inventory } from '@omni/contracts';
import type { StoredEvent, Tx } from '@omni/event-store';
import type { Projection, TableNames } from '@omni/projections';
import { tableExists } from '../tables.js';
import { applyProductBatch } from './batch.js';

/**
 * Product list + product details: one row per product with its totals, one row per product and
 * location with its stock. `available` and `low_stock` are generated columns so they can never
 * disagree with on-hand and reserved.
 */
export const productListProjection: Projection = {
  name: 'products',
  tables: ['product_list', 'stock_levels'],

  async createTables(tx: Tx, t: TableNames) {
    const products = t['product_list']!;
    const stock = t['stock_levels']!;
    if (await tableExists(tx, products)) return;
    // Unnamed indexes: PostgreSQL derives unique names, so live and shadow tables never clash.
    await tx.query(`
      CREATE TABLE ${products} (
        id uuid PRIMARY KEY,
        sku text NOT NULL,
        name text NOT NULL,
        description text,
        category text,
        price_amount bigint NOT NULL,
        price_currency char(3) NOT NULL,
        reorder_level int NOT NULL,
        attributes jsonb NOT NULL,
        on_hand int NOT NULL DEFAULT 0,
        reserved int NOT NULL DEFAULT 0,
        available int GENERATED ALWAYS AS (on_hand - reserved) STORED,
        low_stock boolean GENERATED ALWAYS AS (on_hand - reserved <= reorder_level) STORED,
        version int NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX ON ${products} (sku);
      CREATE INDEX ON ${products} (category, sku);
      CREATE INDEX ON ${products} (sku) WHERE low_stock;
      CREATE INDEX ON ${products} USING gin (sku gin_trgm_ops);
      CREATE INDEX ON ${products} USING gin (name gin_trgm_ops);
      CREATE TABLE ${stock} (
        product_id uuid NOT NULL,
        location_id uuid NOT NULL,
        on_hand int NOT NULL DEFAULT 0,
        reserved int NOT NULL DEFAULT 0,
        PRIMARY KEY (product_id, location_id)
      );`);
  },

  // One code path for commands and rebuilds, so a rebuilt model cannot drift from the live one.
  applyBatch: applyProductBatch,
  apply: (tx: Tx, event: StoredEvent, t: TableNames) => applyProductBatch(tx, [event], t),
};

export async function applyUpdate(
  tx: Tx,
  products: string,
  data: inventory.ProductUpdated,
  event: StoredEvent,
) {
  const c = data.changes;
  const columns: [string, unknown][] = [];
  if (c.name !== undefined) columns.push(['name', c.name]);
  if (c.description !== undefined) columns.push(['description', c.description]);
  if (c.category !== undefined) columns.push(['category', c.category]);
  if (c.price !== undefined)
    columns.push(['price_amount', c.price.amount], ['price_currency', c.price.currency]);
  if (c.reorderLevel !== undefined) columns.push(['reorder_level', c.reorderLevel]);
  if (c.attributes !== undefined) columns.push(['attributes', c.attributes]);
  const sets = columns.map(([column], i) => `${column} = $${i + 4}`);
  await tx.query(
    `UPDATE ${products} SET ${['version = $2', 'updated_at = $3', ...sets].join(', ')} WHERE id = $1`,
    [data.productId, event.streamVersion, event.recordedAt, ...columns.map(([, value]) => value)],
  );
}

interface StockDelta {
  readonly locationId: string;
  readonly onHand: number;
  readonly reserved: number;
}

/** How each product event changes on-hand and reserved per location. */
export function stockDeltas(e: inventory.ProductEvent): StockDelta[] {
  switch (e.type) {
    case 'stock_received':
      return [{ locationId: e.data.locationId, onHand: e.data.quantity, reserved: 0 }];
    case 'stock_adjusted':
      return [{ locationId: e.data.locationId, onHand: e.data.quantityDelta, reserved: 0 }];
    case 'stock_transferred':
      return [
        { locationId: e.data.fromLocationId, onHand: -e.data.quantity, reserved: 0 },
        { locationId: e.data.toLocationId, onHand: e.data.quantity, reserved: 0 },
      ];
    case 'stock_reserved':
      return [{ locationId: e.data.locationId, onHand: 0, reserved: e.data.quantity }];
    case 'reservation_released':
      return [{ locationId: e.data.locationId, onHand: 0, reserved: -e.data.quantity }];
    case 'reservation_committed':
      return [{ locationId: e.data.locationId, onHand: -e.data.quantity, reserved: -e.data.quantity }];
    default:
      return [];
  }
}
