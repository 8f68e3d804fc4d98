/**
 * The `data` of every notification event (docs/events.md, docs/notifications.md). Each user's inbox is
 * one stream (`inbox-<userId>`), so its events are published on `notification.inbox.<userId>.<event>`:
 * the subject a user subscribes to for their own notifications.
 */
import { z } from 'zod';
import { type EventsOf, qualified } from './map.js';

export const NOTIFICATION_CATEGORIES = [
  'low_stock',
  'order_status',
  'payment',
  'shift',
  'time_off',
  'ticket_assigned',
  'ticket_comment',
  'sla_breached',
] as const;
export const NotificationCategory = z.enum(NOTIFICATION_CATEGORIES);
export type NotificationCategory = z.infer<typeof NotificationCategory>;

export const NotificationResource = z
  .object({
    type: z.enum(['product', 'order', 'shift', 'timeoff', 'ticket']).describe('What the notification is about'),
    id: z.uuid(),
  })
  .describe('The resource to open when the notification is tapped');
export type NotificationResource = z.infer<typeof NotificationResource>;

const userId = z.uuid().describe('The recipient: the gateway user whose inbox this is');

export const NotificationCreated = z
  .object({
    notificationId: z.uuid().describe('Derived from (source event id, recipient): the same pair never makes two'),
    userId,
    category: NotificationCategory,
    title: z.string(),
    body: z.string(),
    resource: NotificationResource,
    sourceEventId: z.string().describe('The id of the event this notification is about'),
    createdAt: z.iso.datetime().describe('When it was created (ISO 8601, UTC)'),
  })
  .describe('A notification reached a user’s inbox');

export const NotificationsRead = z
  .object({
    userId,
    notificationIds: z.array(z.uuid()).describe('The notifications marked read (one, or every unread one)'),
    readAt: z.iso.datetime().describe('When (ISO 8601, UTC)'),
  })
  .describe('Notifications were marked read');

export const inboxEvents = { created: NotificationCreated, read: NotificationsRead } as const;

/** Every notification event's data schema by its CloudEvents `type`, e.g. `notification.inbox.created`. */
export const notificationEvents = { ...qualified('notification.inbox', inboxEvents) };

export type NotificationCreated = Readonly<z.infer<typeof NotificationCreated>>;
export type NotificationsRead = Readonly<z.infer<typeof NotificationsRead>>;
export type InboxEvent = EventsOf<typeof inboxEvents>;
