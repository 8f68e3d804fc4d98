import { asDomainEvent, type StoredEvent, type Tx } from '@omni/event-store';
import { tableExists, type Projection, type TableNames } from '@omni/projections';
import type { InboxEvent } from '../../domain/inbox/decider.js';

/**
 * Every user's notifications (GET /notifications, unread count), folded from the inbox streams in
 * each command's transaction: a notification is listed the moment it is committed, and a read is
 * counted at once (read-your-writes).
 */
export const inboxProjection: Projection = {
  name: 'inbox',
  tables: ['inbox'],

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['inbox']!)) return;
    await tx.query(`
      CREATE TABLE ${t['inbox']} (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        category text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        resource_type text NOT NULL,
        resource_id uuid NOT NULL,
        source_event_id text NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz
      );
      CREATE INDEX ON ${t['inbox']} (user_id, created_at DESC, id DESC);
      CREATE INDEX ON ${t['inbox']} (user_id) WHERE read_at IS NULL;`);
  },

  async apply(tx: Tx, event: StoredEvent, t: TableNames) {
    if (!event.streamId.startsWith('inbox-')) return;
    const e = asDomainEvent<InboxEvent>(event);
    const table = t['inbox']!;
    if (e.type === 'created') {
      const d = e.data;
      await tx.query(
        `INSERT INTO ${table} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL) ON CONFLICT (id) DO NOTHING`,
        [d.notificationId, d.userId, d.category, d.title, d.body, d.resource.type, d.resource.id, d.sourceEventId, d.createdAt],
      );
    } else if (e.type === 'read') {
      await tx.query(`UPDATE ${table} SET read_at = $2 WHERE id = ANY($1::uuid[]) AND read_at IS NULL`, [
        e.data.notificationIds,
        e.data.readAt,
      ]);
    }
  },
};
