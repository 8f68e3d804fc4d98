import 'reflect-metadata';
import { runEventSourcedService } from '@omni/service-kit';
import { createInventory } from './application/context.js';
import { startOrderReactions } from './integration/orders.js';
import { InventoryModule } from './module.js';
import { migrateInventorySchema } from './schema.js';

runEventSourcedService({
  service: 'inventory',
  migrate: migrateInventorySchema,
  consumes: ['orders'],
  async start({ store, nats, logger, shutdown }) {
    const inventory = createInventory(store);
    const orderReactions = await startOrderReactions(nats, inventory, logger);
    shutdown.onShutdown('stop reacting to orders', () => orderReactions.stop());
    return InventoryModule.with(inventory, nats);
  },
});
