import 'reflect-metadata';
import { runEventSourcedService } from '@omni/service-kit';
import { createPayments } from './application/payments.js';
import { executeOrderReaction, reactToOrders } from './integration/orders.js';
import { PaymentsModule } from './module.js';
import { PAYMENTS_READ_MODELS } from './projections/index.js';

runEventSourcedService({
  service: 'payments',
  projections: PAYMENTS_READ_MODELS,
  consumes: ['orders'],
  async start({ store, react }) {
    const payments = createPayments(store);
    await react(reactToOrders, executeOrderReaction(payments));
    return PaymentsModule.with(payments);
  },
});
