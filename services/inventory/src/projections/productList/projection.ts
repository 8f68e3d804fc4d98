import type { StoredEvent, Tx } from '@omni/event-store';
import { tableExists, type Projection, type TableNames } from '@omni/projections';
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
    if (await tableExists(tx, products)) return upgradeProductList(tx, products);
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
        vendor_id uuid,
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
      CREATE INDEX ON ${products} (vendor_id, sku);
      CREATE INDEX ON ${products} USING gin (attributes jsonb_path_ops);
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

/**
 * Product lists made before vendors and attribute filters gain the vendor column (every existing
 * product has no vendor, which is what null says) and the attributes index in place: no rebuild.
 */
async function upgradeProductList(tx: Tx, products: string): Promise<void> {
  const { rows } = await tx.query<{ has_vendor: boolean; has_attributes_index: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = $1::regclass AND attname = 'vendor_id'
                     AND NOT attisdropped) AS has_vendor,
            EXISTS (SELECT 1 FROM pg_index WHERE indrelid = $1::regclass
                     AND pg_get_indexdef(indexrelid) LIKE '%jsonb_path_ops%') AS has_attributes_index`,
    [products],
  );
  if (!rows[0]!.has_vendor) {
    await tx.query(
      `ALTER TABLE ${products} ADD COLUMN vendor_id uuid; CREATE INDEX ON ${products} (vendor_id, sku)`,
    );
  }
  if (!rows[0]!.has_attributes_index) {
    await tx.query(`CREATE INDEX ON ${products} USING gin (attributes jsonb_path_ops)`);
  }
}
