import { notification } from '@omni/contracts';
import type { RpcClient } from '@omni/messaging';
import { defineRoute, type RouteSpec } from '../http/route.js';
import { forwarderTo } from './forward.js';

const RPC = notification.NOTIFICATION_RPC;

/**
 * Notifications (docs/notifications.md). Every route acts on the caller's own inbox and preferences:
 * the notification service takes the user from the forwarded context, never from the request.
 */
export function notificationsRoutes(rpc: RpcClient): RouteSpec[] {
  const forward = forwarderTo(rpc, 'notification');
  return [
    defineRoute({
      operationId: 'listNotifications',
      method: 'get',
      path: '/notifications',
      tag: 'notifications',
      summary: 'Your own notifications, newest first',
      access: 'self',
      description:
        'The caller’s notifications, newest first, a page at a time; `unread=true` keeps only those not read yet. Each is published live on `notification.inbox.<your user id>.created` as it is made.',
      query: notification.ListNotificationsQuery,
      response: notification.NotificationPage,
      status: 200,
      handle: forward(RPC.listNotifications, ({ query }) => query),
    }),
    defineRoute({
      operationId: 'countUnreadNotifications',
      method: 'get',
      path: '/notifications/unread-count',
      tag: 'notifications',
      summary: 'How many of your notifications are unread',
      access: 'self',
      description: 'The number of the caller’s notifications not read yet; it counts a read or read-all at once.',
      response: notification.UnreadCount,
      status: 200,
      handle: forward(RPC.unreadCount, () => ({})),
    }),
    // Before /notifications/:notificationId/read, so "preferences" and "read-all" are not read as ids.
    defineRoute({
      operationId: 'getNotificationPreferences',
      method: 'get',
      path: '/notifications/preferences',
      tag: 'notifications',
      summary: 'Your notification preferences',
      access: 'self',
      description: 'Whether notifications are also e-mailed to you, and which categories you muted (those create no notification). Defaults: e-mail on, nothing muted.',
      response: notification.NotificationPreferences,
      status: 200,
      handle: forward(RPC.getPreferences, () => ({})),
    }),
    defineRoute({
      operationId: 'updateNotificationPreferences',
      method: 'put',
      path: '/notifications/preferences',
      tag: 'notifications',
      summary: 'Replace your notification preferences',
      access: 'self',
      description:
        'Replaces the caller’s preferences. A muted category creates no notification from then on (nothing in the inbox, no e-mail). With `email` on and the system configured with `SMTP_URL`, each notification is also e-mailed.',
      body: notification.UpdatePreferencesInput,
      response: notification.NotificationPreferences,
      status: 200,
      handle: forward(RPC.updatePreferences, ({ body }) => body),
    }),
    defineRoute({
      operationId: 'markAllNotificationsRead',
      method: 'post',
      path: '/notifications/read-all',
      tag: 'notifications',
      summary: 'Mark every unread notification of yours read',
      access: 'self',
      description:
        'Marks every notification of the caller that is unread at that moment read, and answers how many; the unread count is 0 afterwards unless a new notification arrived meanwhile. Published as `notification.inbox.<your user id>.read`.',
      response: notification.ReadAllResult,
      status: 200,
      idempotent: true,
      handle: forward(RPC.markAllRead, () => ({})),
    }),
    defineRoute({
      operationId: 'markNotificationRead',
      method: 'post',
      path: '/notifications/:notificationId/read',
      tag: 'notifications',
      summary: 'Mark one of your notifications read',
      access: 'self',
      description:
        'Marks the notification read and answers it with `readAt`; reading it again changes nothing. Another user’s notification is 404, as an unknown one. Published as `notification.inbox.<your user id>.read`.',
      params: notification.NotificationId,
      response: notification.Notification,
      status: 200,
      idempotent: true,
      handle: forward(RPC.markRead, ({ params }) => params),
    }),
  ];
}
