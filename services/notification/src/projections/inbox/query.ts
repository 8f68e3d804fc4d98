import { NotFoundError, cursorKey, pageOf, type Page, type notification } from '@omni/contracts';
import type { Pool, PoolClient } from 'pg';

interface InboxRow {
  id: string;
  category: notification.NotificationCategory;
  title: string;
  body: string;
  resource_type: notification.NotificationResource['type'];
  resource_id: string;
  source_event_id: string;
  created_at: Date;
  read_at: Date | null;
  email_status: 'pending' | 'sent' | 'failed' | null;
}

type Db = Pool | PoolClient;

/** A user's own notifications, newest first. */
export async function listNotifications(
  db: Db,
  schema: string,
  userId: string,
  query: notification.ListNotificationsQuery,
): Promise<Page<notification.Notification>> {
  const after = cursorKey(query.cursor, ['string', 'string']);
  const { rows } = await db.query<InboxRow>(
    `SELECT i.*, ${emailStatus(schema)} FROM ${schema}.inbox i
      WHERE i.user_id = $1 AND ($2::boolean IS NOT TRUE OR i.read_at IS NULL)
        AND ($3::timestamptz IS NULL OR (i.created_at, i.id) < ($3, $4::uuid))
      ORDER BY i.created_at DESC, i.id DESC LIMIT $5`,
    [userId, query.unread ?? null, after?.[0] ?? null, after?.[1] ?? null, query.limit + 1],
  );
  return pageOf(rows, query.limit, (row) => [row.created_at.toISOString(), row.id], toNotification);
}

export async function unreadCount(db: Db, schema: string, userId: string): Promise<{ count: number }> {
  const { rows } = await db.query<{ count: string }>(
    `SELECT count(*) FROM ${schema}.inbox WHERE user_id = $1 AND read_at IS NULL`,
    [userId],
  );
  return { count: Number(rows[0]!.count) };
}

/** One of the user's own notifications; another user's is as unknown as a missing one (404). */
export async function getNotification(
  db: Db,
  schema: string,
  userId: string,
  notificationId: string,
): Promise<notification.Notification> {
  const { rows } = await db.query<InboxRow>(
    `SELECT i.*, ${emailStatus(schema)} FROM ${schema}.inbox i WHERE i.id = $1 AND i.user_id = $2`,
    [notificationId, userId],
  );
  if (!rows[0]) throw new NotFoundError('Notification not found', 'notification_not_found');
  return toNotification(rows[0]);
}

/** The e-mail copy's state, when one was queued (application/email-queue.ts). */
const emailStatus = (schema: string) =>
  `(SELECT d.status FROM ${schema}.email_delivery d WHERE d.notification_id = i.id) AS email_status`;

function toNotification(row: InboxRow): notification.Notification {
  return {
    id: row.id,
    category: row.category,
    title: row.title,
    body: row.body,
    resource: { type: row.resource_type, id: row.resource_id },
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
    sourceEventId: row.source_event_id,
    emailStatus: row.email_status,
  };
}
