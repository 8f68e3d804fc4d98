import { inventoryEvents, type TypedEvent } from '@omni/contracts';
import type { Tx } from '@omni/event-store';
import { streamProjection, type TableNames } from '@omni/projections';
import { createNameTable, upsertName } from '../names.js';

type InventoryEvent = TypedEvent<typeof inventoryEvents>;

/** Product names from inventory's product events, shown on the tickets that name a product. */
export const productViewProjection = streamProjection({
  name: 'products',
  tables: ['product_view'],
  source: { service: 'inventory', filterSubject: 'inventory.product.>', events: inventoryEvents },
  folds: ['inventory.product.registered', 'inventory.product.updated'],
  createTables: (tx: Tx, t: TableNames) => createNameTable(tx, t['product_view']!),
  async apply(tx: Tx, event: InventoryEvent, t: TableNames) {
    if (event.type === 'inventory.product.registered') {
      await upsertName(tx, t['product_view']!, event.data.productId, event.data.name, event.streamversion);
    } else if (event.type === 'inventory.product.updated' && event.data.changes.name !== undefined) {
      await upsertName(
        tx,
        t['product_view']!,
        event.data.productId,
        event.data.changes.name,
        event.streamversion,
      );
    }
  },
});
