import type { inventory } from '@omni/contracts';
import type { StoredEvent, Tx } from '@omni/event-store';

// The folds the product list shares between its one-event path (commands) and its batch path
// (rebuilds), and with the movement history: one definition, so the paths cannot drift apart.

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
  if (c.vendorId !== undefined) columns.push(['vendor_id', c.vendorId]);
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
