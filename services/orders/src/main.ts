import 'reflect-metadata';
import { runEventSourcedService, startDurableTimers } from '@omni/service-kit';
import { z } from 'zod';
import { createOrders } from './application/orders.js';
import { paymentDeadline } from './application/payment-deadlines.js';
import { executeOrderCommand } from './integration/execute.js';
import { reactToReservations } from './integration/inventory.js';
import { reactToPayments } from './integration/payments.js';
import { OrdersModule } from './module.js';
import { ORDERS_READ_MODELS } from './projections/index.js';
import { migrateOrdersSchema } from './schema.js';

const OrdersEnv = z.object({
  ORDER_PAYMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(1_800_000),
});

runEventSourcedService<z.infer<typeof OrdersEnv>>({
  service: 'orders',
  env: OrdersEnv,
  projections: ORDERS_READ_MODELS,
  migrate: migrateOrdersSchema,
  consumes: ['inventory', 'payments'],
  async start({ config, store, logger, shutdown, react }) {
    const orders = createOrders(store);
    await react(reactToReservations, executeOrderCommand(orders));
    await react(reactToPayments, executeOrderCommand(orders));
    const deadlines = startDurableTimers({
      pool: store.pool,
      lockName: `${orders.schema}.payment-deadlines`,
      timers: [paymentDeadline(orders, config.ORDER_PAYMENT_TIMEOUT_MS)],
      logger,
    });
    shutdown.onShutdown('stop payment deadlines', () => deadlines.stop());
    return OrdersModule.with(orders);
  },
});
