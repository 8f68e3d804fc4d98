import type { inventory } from '@omni/contracts';
import { asDomainEvent, type StoredEvent, type Tx, prepared } from '@omni/event-store';
import type { TableNames } from '@omni/projections';
import { applyUpdate, stockDeltas } from './fold.js';

interface ProductTotals {
  onHand: number;
  reserved: number;
  /** The highest stream version in the batch and when it was recorded. */
  version: number;
  at: Date;
}

/**
 * The rebuild path: folds a batch of events in memory and writes it with a few multi-row statements
 * instead of several statements per event. It must produce exactly the rows `apply` produces.
 */
export async function applyProductBatch(
  tx: Tx,
  events: readonly StoredEvent[],
  t: TableNames,
): Promise<void> {
  const productEvents = events.filter((e) => e.streamId.startsWith('product-'));
  const registered = productEvents.filter((e) => e.eventType === 'registered');
  if (registered.length) await insertRegistered(tx, t['product_list']!, registered);
  for (const event of productEvents) {
    const e = asDomainEvent<inventory.ProductEvent>(event);
    if (e.type === 'updated') await applyUpdate(tx, t['product_list']!, e.data, event);
  }
  const totals = new Map<string, ProductTotals>();
  const stock = new Map<
    string,
    { productId: string; locationId: string; onHand: number; reserved: number }
  >();
  for (const event of productEvents) {
    const e = asDomainEvent<inventory.ProductEvent>(event);
    if (e.type === 'registered' || e.type === 'updated') continue;
    const productId = event.data['productId'] as string;
    const total = totals.get(productId) ?? { onHand: 0, reserved: 0, version: 0, at: event.recordedAt };
    for (const delta of stockDeltas(e)) {
      total.onHand += delta.onHand;
      total.reserved += delta.reserved;
      const key = `${productId}:${delta.locationId}`;
      const row = stock.get(key) ?? { productId, locationId: delta.locationId, onHand: 0, reserved: 0 };
      row.onHand += delta.onHand;
      row.reserved += delta.reserved;
      stock.set(key, row);
    }
    if (event.streamVersion > total.version)
      Object.assign(total, { version: event.streamVersion, at: event.recordedAt });
    totals.set(productId, total);
  }
  if (stock.size) await upsertStock(tx, t['stock_levels']!, [...stock.values()]);
  if (totals.size) await updateTotals(tx, t['product_list']!, totals);
}

async function insertRegistered(tx: Tx, table: string, events: readonly StoredEvent[]) {
  const data = events.map(
    (e) => asDomainEvent<Extract<inventory.ProductEvent, { type: 'registered' }>>(e).data,
  );
  await tx.query(
    prepared(
      `INSERT INTO ${table} (id, sku, name, description, category, price_amount, price_currency, reorder_level,
       attributes, version, created_at, updated_at, vendor_id)
     SELECT id, sku, name, description, category, amount, currency, level, attributes::jsonb, version, at, at, vendor
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::int[],
                   $9::text[], $10::int[], $11::timestamptz[], $12::uuid[])
         AS r(id, sku, name, description, category, amount, currency, level, attributes, version, at, vendor)
     ON CONFLICT (id) DO NOTHING`,
      [
        data.map((d) => d.productId),
        data.map((d) => d.sku),
        data.map((d) => d.name),
        data.map((d) => d.description),
        data.map((d) => d.category),
        data.map((d) => d.price.amount),
        data.map((d) => d.price.currency),
        data.map((d) => d.reorderLevel),
        data.map((d) => JSON.stringify(d.attributes)),
        events.map((e) => e.streamVersion),
        events.map((e) => e.recordedAt),
        data.map((d) => d.vendorId ?? null),
      ],
    ),
  );
}

async function upsertStock(
  tx: Tx,
  table: string,
  rows: { productId: string; locationId: string; onHand: number; reserved: number }[],
) {
  await tx.query(
    prepared(
      `INSERT INTO ${table} (product_id, location_id, on_hand, reserved)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[])
     ON CONFLICT (product_id, location_id)
     DO UPDATE SET on_hand = ${table}.on_hand + excluded.on_hand, reserved = ${table}.reserved + excluded.reserved`,
      [
        rows.map((r) => r.productId),
        rows.map((r) => r.locationId),
        rows.map((r) => r.onHand),
        rows.map((r) => r.reserved),
      ],
    ),
  );
}

async function updateTotals(tx: Tx, table: string, totals: Map<string, ProductTotals>) {
  const entries = [...totals];
  await tx.query(
    prepared(
      `UPDATE ${table} p SET on_hand = p.on_hand + d.on_hand, reserved = p.reserved + d.reserved,
        updated_at = CASE WHEN d.version > p.version THEN d.at ELSE p.updated_at END,
        version = greatest(p.version, d.version)
       FROM unnest($1::uuid[], $2::int[], $3::int[], $4::int[], $5::timestamptz[]) AS d(id, on_hand, reserved, version, at)
      WHERE p.id = d.id`,
      [
        entries.map(([id]) => id),
        entries.map(([, t]) => t.onHand),
        entries.map(([, t]) => t.reserved),
        entries.map(([, t]) => t.version),
        entries.map(([, t]) => t.at),
      ],
    ),
  );
}
