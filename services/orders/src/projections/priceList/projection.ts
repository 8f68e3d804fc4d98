import { inventoryEvents, type TypedEvent } from '@omni/contracts';
import type { Tx } from '@omni/event-store';
import { streamProjection, tableExists, type TableNames } from '@omni/projections';

type ProductEvent = TypedEvent<typeof inventoryEvents>;

/**
 * Orders' own copy of the catalogue prices, built from inventory's product events (no synchronous
 * call to inventory when an order is placed). Fed by the INVENTORY stream, rebuilt from it by
 * `omni replay orders`. A row only moves forward by stream version, a second guard beside the
 * stream checkpoint.
 */
export const priceListProjection = streamProjection({
  name: 'priceList',
  tables: ['price_list'],
  source: { service: 'inventory', filterSubject: 'inventory.product.>', events: inventoryEvents },
  folds: ['inventory.product.registered', 'inventory.product.updated'],

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['price_list']!)) return;
    await tx.query(`
      CREATE TABLE ${t['price_list']} (
        product_id uuid PRIMARY KEY,
        sku text NOT NULL,
        name text NOT NULL,
        price_amount bigint NOT NULL,
        currency char(3) NOT NULL,
        version int NOT NULL
      )`);
  },

  async apply(tx: Tx, event: ProductEvent, t: TableNames) {
    switch (event.type) {
      case 'inventory.product.registered': {
        const d = event.data;
        await tx.query(
          `INSERT INTO ${t['price_list']} VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (product_id) DO NOTHING`,
          [d.productId, d.sku, d.name, d.price.amount, d.price.currency, event.streamversion],
        );
        return;
      }
      case 'inventory.product.updated': {
        const { productId, changes } = event.data;
        await tx.query(
          `UPDATE ${t['price_list']} SET name = coalesce($2, name), price_amount = coalesce($3, price_amount),
             currency = coalesce($4, currency), version = $5
           WHERE product_id = $1 AND version < $5`,
          [
            productId,
            changes.name ?? null,
            changes.price?.amount ?? null,
            changes.price?.currency ?? null,
            event.streamversion,
          ],
        );
        return;
      }
      default:
        return; // stock movements do not change prices
    }
  },
});

export interface PricedProduct {
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly price: { amount: number; currency: string };
}

export async function pricesOf(
  tx: Tx,
  schema: string,
  productIds: readonly string[],
): Promise<Map<string, PricedProduct>> {
  const { rows } = await tx.query<{
    product_id: string;
    sku: string;
    name: string;
    price_amount: string;
    currency: string;
  }>(
    `SELECT product_id, sku, name, price_amount, currency FROM ${schema}.price_list WHERE product_id = ANY($1)`,
    [productIds],
  );
  return new Map(
    rows.map((r) => [
      r.product_id,
      {
        productId: r.product_id,
        sku: r.sku,
        name: r.name,
        price: { amount: Number(r.price_amount), currency: r.currency },
      },
    ]),
  );
}
