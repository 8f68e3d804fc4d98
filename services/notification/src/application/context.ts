import type { MikroORM } from '@mikro-orm/postgresql';
import { UnauthorizedError, type Actor, type RpcContext } from '@omni/contracts';
import { createCommandProcessor, type CommandProcessor, type EventStore } from '@omni/event-store';
import { inlineProjections } from '@omni/projections';
import { NOTIFICATION_PROJECTIONS } from '../projections/index.js';
import { queueEmails } from './email-queue.js';
import { createRecipientLookups, type RecipientLookups } from './recipients.js';

export interface NotificationService {
  readonly store: EventStore;
  readonly schema: string;
  /** Preferences and e-mail deliveries: the state that is not event-sourced. */
  readonly orm: MikroORM;
  /** Runs every inbox command: per-stream order, group commit, the inbox read model inline. */
  readonly commands: CommandProcessor;
  /** Who a rule's audience is and what they muted, batched per event-loop turn. */
  readonly recipients: RecipientLookups;
}

/**
 * `emailOn`: SMTP_URL is set. Then each new notification queues its e-mail in the same transaction
 * (email-queue.ts), never in a rebuild: a replay rebuilds the inbox, it does not send mail again.
 */
export function createNotification(store: EventStore, orm: MikroORM, emailOn: boolean): NotificationService {
  const project = inlineProjections(store.schema, NOTIFICATION_PROJECTIONS);
  return {
    store,
    schema: store.schema,
    orm,
    recipients: createRecipientLookups(store.pool, store.schema),
    commands: createCommandProcessor({
      store,
      project: emailOn
        ? async (tx, events) => {
            await project(tx, events);
            await queueEmails(tx, store.schema, events);
          }
        : project,
    }),
  };
}

/** One stream per user: its events are published on `notification.inbox.<userId>.<event>`. */
export const inboxStream = (userId: string) => `inbox-${userId}`;

/** Every notification RPC reads or changes the caller's own inbox: it must know who is asking. */
export function actorOf(context: RpcContext): Actor {
  if (!context.actor) throw new UnauthorizedError('Notification needs to know who is asking');
  return context.actor;
}
