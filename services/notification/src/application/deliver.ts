import { UnavailableError, type CloudEvent } from '@omni/contracts';
import { decideOnStream } from '@omni/event-store';
import { causedBy } from '@omni/messaging';
import { inboxDecider } from '../domain/inbox/decider.js';
import { placerOf } from '../projections/orderPlacers/projection.js';
import type { Audience, Notify } from '../rules/notify.js';
import { inboxStream, type NotificationService } from './context.js';
import { notificationIdFor } from './notification-id.js';

/**
 * Carries out a rule's `Notify`: finds the recipients in notification's own views, leaves out those
 * who muted the category, and delivers one notification into each inbox. Each delivery is its own
 * command with the idempotency key `notify:<source event>:<recipient>`, recorded in the transaction
 * that appends the notification: however often the event is redelivered, by however many replicas,
 * a (source event, recipient) pair commits at most once (services/notification/README.md).
 */
export function executeNotify(service: NotificationService) {
  return async (command: Notify, cause: CloudEvent): Promise<void> => {
    const recipients = await recipientsOf(service, command);
    const metadata = causedBy(cause);
    await Promise.all(
      recipients.map((userId) => {
        const notificationId = notificationIdFor(command.sourceEventId, userId);
        const streamId = inboxStream(userId);
        return service.commands.execute({
          streams: [streamId],
          metadata,
          idempotencyKey: `notify:${command.sourceEventId}:${userId}`,
          run: (session) =>
            decideOnStream(session, {
              streamId,
              decider: inboxDecider,
              command: {
                type: 'Deliver',
                userId,
                notification: {
                  notificationId,
                  category: command.category,
                  title: command.title,
                  body: command.body,
                  resource: command.resource,
                  sourceEventId: command.sourceEventId,
                  createdAt: new Date().toISOString(),
                },
              },
            }),
        });
      }),
    );
  };
}

async function recipientsOf(service: NotificationService, command: Notify): Promise<string[]> {
  const audience = await resolve(service, command.audience);
  const candidates = [...new Set(audience)].filter((id) => !command.except.includes(id));
  const mutedBy = await Promise.all(candidates.map((id) => service.recipients.mutedCategoriesOf(id)));
  return candidates.filter((_, i) => !mutedBy[i]!.includes(command.category));
}

async function resolve(service: NotificationService, audience: Audience): Promise<string[]> {
  switch (audience.kind) {
    case 'users':
      return audience.userIds.filter((id): id is string => id !== null);
    case 'roles':
      return service.recipients.usersWithAnyRole(audience.roles);
    case 'orderPlacer': {
      const placer = await placerOf(service.store.pool, service.schema, audience.orderId);
      // The order's `placed` event comes through another consumer: wait for it (the event is
      // redelivered with backoff) rather than notify nobody.
      if (placer === undefined) throw new UnavailableError(`Order ${audience.orderId} is not known here yet`);
      return placer === null ? [] : [placer];
    }
  }
}
