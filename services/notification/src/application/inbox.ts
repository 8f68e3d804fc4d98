import type { RpcContext } from '@omni/contracts';
import { decideOnStream } from '@omni/event-store';
import { eventMetadataFor } from '@omni/messaging';
import { inboxDecider, type InboxCommand } from '../domain/inbox/decider.js';
import { getNotification, unreadCount } from '../projections/inbox/query.js';
import { actorOf, inboxStream, type NotificationService } from './context.js';

/** Marks one of the caller's notifications read; reading it again changes nothing (200 both times). */
export async function markRead(service: NotificationService, notificationId: string, context: RpcContext) {
  const { userId } = actorOf(context);
  await getNotification(service.store.pool, service.schema, userId, notificationId); // 404 if not theirs
  await decideOnInbox(service, context, { type: 'MarkRead', userId, notificationId, at: now() });
  return getNotification(service.store.pool, service.schema, userId, notificationId);
}

/**
 * Marks every unread notification of the caller read, in one event naming them: the inbox stream
 * orders it with concurrent deliveries, so what it marks is exactly what was unread at that point.
 */
export async function markAllRead(service: NotificationService, context: RpcContext) {
  const { userId } = actorOf(context);
  const { events } = await decideOnInbox(service, context, { type: 'MarkAllRead', userId, at: now() });
  const count = events.reduce((n, e) => n + (e.type === 'read' ? e.data.notificationIds.length : 0), 0);
  return { count };
}

export async function unreadCountOf(service: NotificationService, context: RpcContext) {
  return unreadCount(service.store.pool, service.schema, actorOf(context).userId);
}

async function decideOnInbox(service: NotificationService, context: RpcContext, command: InboxCommand) {
  const streamId = inboxStream(command.userId);
  const outcome = await service.commands.execute({
    streams: [streamId],
    metadata: eventMetadataFor(context),
    idempotencyKey: context.idempotencyKey,
    run: (session) => decideOnStream(session, { streamId, decider: inboxDecider, command }),
  });
  return outcome.replayed ? { events: [] } : outcome.result;
}

const now = () => new Date().toISOString();
