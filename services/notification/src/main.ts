import 'reflect-metadata';
import { runEventSourcedService } from '@omni/service-kit';
import { z } from 'zod';
import { createNotification } from './application/context.js';
import { executeNotify } from './application/deliver.js';
import { startEmailSender } from './application/email-sender.js';
import {
  notifyOnInventory,
  notifyOnOrders,
  notifyOnPayments,
  notifyOnScheduling,
  notifyOnTicketing,
} from './integration/reactions.js';
import { NotificationModule } from './module.js';
import { migrateOrm, openOrm } from './persistence/orm.js';
import { NOTIFICATION_READ_MODELS } from './projections/index.js';

const NotificationEnv = z.object({
  /** Unset: the e-mail channel is off, notifications are in-app only. */
  SMTP_URL: z.url().optional(),
  EMAIL_FROM: z.string().default('Omni <notifications@omni.local>'),
  EMAIL_RETRY_BASE_MS: z.coerce.number().int().positive().default(1_000),
  EMAIL_RETRY_MAX_MS: z.coerce.number().int().positive().default(600_000),
  EMAIL_GIVE_UP_AFTER_MS: z.coerce.number().int().positive().default(24 * 3600_000),
  EMAIL_POLL_MS: z.coerce.number().int().positive().default(500),
});

runEventSourcedService<z.infer<typeof NotificationEnv>>({
  service: 'notification',
  env: NotificationEnv,
  projections: NOTIFICATION_READ_MODELS,
  consumes: ['inventory', 'orders', 'payments', 'scheduling', 'ticketing', 'gateway'],
  async start({ config, store, logger, shutdown, react }) {
    const orm = await openOrm(config.DATABASE_URL, store.schema);
    shutdown.onShutdown('close MikroORM', () => orm.close());
    await migrateOrm(orm, store.pool, store.schema);

    const email = config.SMTP_URL;
    if (!email) logger.info('SMTP_URL is not set: the e-mail channel is off, notifications are in-app only');
    const service = createNotification(store, orm, email !== undefined);
    if (email) {
      const sender = startEmailSender(
        orm,
        {
          smtpUrl: email,
          from: config.EMAIL_FROM,
          retryBaseMs: config.EMAIL_RETRY_BASE_MS,
          maxRetryDelayMs: config.EMAIL_RETRY_MAX_MS,
          giveUpAfterMs: config.EMAIL_GIVE_UP_AFTER_MS,
          pollMs: config.EMAIL_POLL_MS,
        },
        logger,
      );
      shutdown.onShutdown('stop the e-mail sender', () => sender.stop());
    }

    const notify = executeNotify(service);
    await react(notifyOnInventory, notify);
    await react(notifyOnOrders, notify);
    await react(notifyOnPayments, notify);
    await react(notifyOnScheduling, notify);
    await react(notifyOnTicketing, notify);
    return NotificationModule.with(service);
  },
});
