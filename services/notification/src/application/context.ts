import { UnauthorizedError, type Actor, type RpcContext } from '@omni/contracts';
import { createCommandProcessor, type CommandProcessor, type EventStore } from '@omni/event-store';
import { inlineProjections } from '@omni/projections';
import { NOTIFICATION_PROJECTIONS } from '../projections/index.js';

export interface NotificationService {
  readonly store: EventStore;
  readonly schema: string;
  /** Runs every inbox command: per-stream order, group commit, the inbox read model inline. */
  readonly commands: CommandProcessor;
}

export function createNotification(store: EventStore): NotificationService {
  return {
    store,
    schema: store.schema,
    commands: createCommandProcessor({
      store,
      project: inlineProjections(store.schema, NOTIFICATION_PROJECTIONS),
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
