import 'reflect-metadata';
import { runEventSourcedService } from '@omni/service-kit';
import { createNotification } from './application/context.js';
import { executeNotify } from './application/deliver.js';
import {
  notifyOnInventory,
  notifyOnOrders,
  notifyOnPayments,
  notifyOnScheduling,
  notifyOnTicketing,
} from './integration/reactions.js';
import { NotificationModule } from './module.js';
import { NOTIFICATION_READ_MODELS } from './projections/index.js';
import { migrateNotificationSchema } from './schema.js';

runEventSourcedService({
  service: 'notification',
  projections: NOTIFICATION_READ_MODELS,
  migrate: migrateNotificationSchema,
  consumes: ['inventory', 'orders', 'payments', 'scheduling', 'ticketing', 'gateway'],
  async start({ store, react }) {
    const service = createNotification(store);
    const notify = executeNotify(service);
    await react(notifyOnInventory, notify);
    await react(notifyOnOrders, notify);
    await react(notifyOnPayments, notify);
    await react(notifyOnScheduling, notify);
    await react(notifyOnTicketing, notify);
    return NotificationModule.with(service);
  },
});
