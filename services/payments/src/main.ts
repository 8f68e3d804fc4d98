import 'reflect-metadata';
import { runEventSourcedService } from '@omni/service-kit';
import { createPayments } from './application/payments.js';
import { startOrderReactions } from './integration/orders.js';
import { PaymentsModule } from './module.js';
import { migratePaymentsSchema } from './schema.js';

runEventSourcedService({
  service: 'payments',
  migrate: migratePaymentsSchema,
  consumes: ['orders'],
  async start({ store, nats, logger, shutdown }) {
    const payments = createPayments(store);
    const reactions = await startOrderReactions(nats, payments, logger);
    shutdown.onShutdown('stop consuming', () => reactions.stop());
    return PaymentsModule.with(payments);
  },
});
