import 'reflect-metadata';
import { runEventSourcedService } from '@omni/service-kit';
import { createInventory } from './application/context.js';
import { executeOrderReaction, reactToOrders } from './integration/orders.js';
import { InventoryModule } from './module.js';
import { INVENTORY_READ_MODELS } from './projections/index.js';
import { migrateInventorySchema } from './schema.js';

runEventSourcedService({
  service: 'inventory',
  projections: INVENTORY_READ_MODELS,
  migrate: migrateInventorySchema,
  consumes: ['orders'],
  async start({ store, react }) {
    const inventory = createInventory(store);
    await react(reactToOrders, executeOrderReaction(inventory));
    return InventoryModule.with(inventory);
  },
});
