import 'reflect-metadata';
import { runEventSourcedService } from '@omni/service-kit';
import { z } from 'zod';
import { createOrders } from './application/orders.js';
import { startPaymentDeadlines } from './application/payment-deadlines.js';
import { startOrderReactions } from './integration/reactions.js';
import { OrdersModule } from './module.js';
import { migrateOrdersSchema } from './schema.js';

const OrdersEnv = z.object({
  ORDER_PAYMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(1_800_000),
});

runEventSourcedService<z.infer<typeof OrdersEnv>>({
  service: 'orders',
  env: OrdersEnv,
  migrate: migrateOrdersSchema,
  consumes: ['inventory', 'payments'],
  async start({ config, store, nats, logger, shutdown }) {
    const orders = createOrders(store);
    const consumers = await startOrderReactions(nats, orders, logger);
    shutdown.onShutdown('stop consuming', () => Promise.all(consumers.map((c) => c.stop())));
    const deadlines = startPaymentDeadlines(orders, { timeoutMs: config.ORDER_PAYMENT_TIMEOUT_MS, logger });
    shutdown.onShutdown('stop payment deadlines', () => deadlines.stop());
    return OrdersModule.with(orders);
  },
});
