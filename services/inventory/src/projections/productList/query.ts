import { cursorKey, pageOf, type Page, type inventory } from '@omni/contracts';
import type { Pool, PoolClient } from 'pg';
import { containsPattern } from '@omni/projections';

type Queryable = Pool | PoolClient;

interface ProductRow {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  category: string | null;
  price_amount: string;
  price_currency: string;
  reorder_level: number;
  attributes: Record<string, string>;
  vendor_id: string | null;
  on_hand: number;
  reserved: number;
  available: number;
  low_stock: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const PRODUCT_COLUMNS = `id, sku, name, description, category, price_amount, price_currency, reorder_level,
  attributes, vendor_id, on_hand, reserved, available, low_stock, version, created_at, updated_at`;

export async function listProducts(
  db: Queryable,
  schema: string,
  query: inventory.ListProductsQuery,
): Promise<Page<inventory.Product>> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (query.category !== undefined) where.push(`category = ${param(query.category)}`);
  if (query.vendorId !== undefined) where.push(`vendor_id = ${param(query.vendorId)}`);
  // Containment is answered by the GIN index on attributes; a key no product has matches nothing.
  if (query.attributes && Object.keys(query.attributes).length > 0)
    where.push(`attributes @> ${param(JSON.stringify(query.attributes))}::jsonb`);
  if (query.lowStock !== undefined) where.push(query.lowStock ? 'low_stock' : 'NOT low_stock');
  if (query.q !== undefined) {
    const pattern = param(containsPattern(query.q));
    where.push(`(sku ILIKE ${pattern} OR name ILIKE ${pattern})`);
  }
  const after = cursorKey(query.cursor, ['string'])?.[0];
  if (after !== undefined) where.push(`sku > ${param(after)}`);
  const { rows } = await db.query<ProductRow>(
    `SELECT ${PRODUCT_COLUMNS} FROM ${schema}.product_list
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY sku LIMIT ${param(query.limit + 1)}`,
    params,
  );
  return pageOf(rows, query.limit, (row) => [row.sku], toProduct);
}

/**
 * Several products with their stock per location in one round trip, in the order asked (undefined
 * for an unknown id): the answers of a batch of commands, or concurrent reads, share one query. Named,
 * so each connection plans it once: the hottest read, and PostgreSQL's parse and plan were a visible
 * share of its CPU under load.
 */
export async function productsDetails(
  db: Queryable,
  schema: string,
  productIds: readonly string[],
): Promise<(inventory.ProductDetails | undefined)[]> {
  const { rows } = await db.query<ProductRow & { stock: StockRow[] }>({
    name: `${schema}.productsDetails`,
    text: `SELECT ${PRODUCT_COLUMNS},
            coalesce((SELECT json_agg(json_build_object('location_id', s.location_id, 'code', l.code,
                                                        'on_hand', s.on_hand, 'reserved', s.reserved) ORDER BY l.code)
                        FROM ${schema}.stock_levels s JOIN ${schema}.location_list l ON l.id = s.location_id
                       WHERE s.product_id = p.id), '[]') AS stock
       FROM ${schema}.product_list p WHERE p.id = ANY($1::uuid[])`,
    values: [productIds],
  });
  const byId = new Map(rows.map((row) => [row.id, toDetails(row)]));
  return productIds.map((id) => byId.get(id.toLowerCase())); // uuid columns answer in lower case
}

function toDetails(row: ProductRow & { stock: StockRow[] }): inventory.ProductDetails {
  return {
    ...toProduct(row),
    stock: row.stock.map((s) => ({
      locationId: s.location_id,
      locationCode: s.code,
      onHand: s.on_hand,
      reserved: s.reserved,
      available: s.on_hand - s.reserved,
    })),
  };
}

interface StockRow {
  location_id: string;
  code: string;
  on_hand: number;
  reserved: number;
}

function toProduct(row: ProductRow): inventory.Product {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    category: row.category,
    price: { amount: Number(row.price_amount), currency: row.price_currency },
    reorderLevel: row.reorder_level,
    attributes: row.attributes,
    vendorId: row.vendor_id,
    totals: { onHand: row.on_hand, reserved: row.reserved, available: row.available },
    lowStock: row.low_stock,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
