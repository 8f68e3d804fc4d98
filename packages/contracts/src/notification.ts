/** Notification's public language (docs/notifications.md, docs/events.md, docs/openapi.json). */
import { z } from 'zod';
import { PageQuery, page } from './pagination.js';
import { NotificationCategory, NotificationResource } from './events/notification.js';

// Events: schemas of every event's data, with the categories, in events/notification.ts.
export * from './events/notification.js';

const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

export const ListNotificationsQuery = PageQuery.extend({
  unread: flag.optional().describe('true: only notifications not read yet'),
});

export const NotificationId = z.object({ notificationId: z.uuid() });

export const Notification = z
  .object({
    id: z.uuid(),
    category: NotificationCategory,
    title: z.string(),
    body: z.string(),
    resource: NotificationResource,
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
    sourceEventId: z.string(),
    emailStatus: z
      .enum(['pending', 'sent', 'failed'])
      .nullable()
      .describe('The e-mail copy: null when none is sent (e-mail off or no SMTP server)'),
  })
  .meta({ id: 'Notification' });

export const NotificationPage = page(Notification).meta({ id: 'NotificationPage' });

export const UnreadCount = z.object({ count: z.number().int().min(0) }).meta({ id: 'UnreadCount' });

export const ReadAllResult = z
  .object({ count: z.number().int().min(0).describe('How many notifications this marked read') })
  .meta({ id: 'ReadAllResult' });

export const NotificationPreferences = z
  .object({
    email: z.boolean().describe('Also send each notification as an e-mail (when the system has SMTP_URL)'),
    mutedCategories: z.array(NotificationCategory).describe('Categories that create no notification'),
  })
  .meta({ id: 'NotificationPreferences' });

export const UpdatePreferencesInput = z
  .object({
    email: z.boolean(),
    mutedCategories: z.array(NotificationCategory).max(20),
  })
  .strict()
  .meta({ id: 'UpdateNotificationPreferencesInput' });

export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuery>;
export type Notification = z.infer<typeof Notification>;
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;
export type UpdatePreferencesInput = z.infer<typeof UpdatePreferencesInput>;

export const NOTIFICATION_RPC = {
  listNotifications: 'listNotifications',
  unreadCount: 'unreadCount',
  markRead: 'markRead',
  markAllRead: 'markAllRead',
  getPreferences: 'getPreferences',
  updatePreferences: 'updatePreferences',
} as const;
