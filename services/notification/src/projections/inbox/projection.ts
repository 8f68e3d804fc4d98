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
    await applyInboxBatch(tx, [event], t);
  },

  // A hot inbox (every clerk's low-stock alerts) takes many notifications per command batch: one
  // multi-row insert for them instead of one statement each.
  applyBatch: (tx, events, t) => applyInboxBatch(tx, events, t),
};

/**
 * Inserts the batch's new notifications, then marks reads in order. A read names only notifications
 * created before it (the decider reads them from the stream's state), so inserting first gives the
 * rows one event at a time would.
 */
async function applyInboxBatch(tx: Tx, events: readonly StoredEvent[], t: TableNames): Promise<void> {
  const table = t['inbox']!;
  const inboxEvents = events
    .filter((event) => event.streamId.startsWith('inbox-'))
    .map(asDomainEvent<InboxEvent>);
  const created = inboxEvents.flatMap((e) => (e.type === 'created' ? [e.data] : []));
  if (created.length > 0) {
    await tx.query(
      `INSERT INTO ${table}
       SELECT *, NULL FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],
                                  $7::uuid[], $8::text[], $9::timestamptz[])
       ON CONFLICT (id) DO NOTHING`,
      [
        created.map((d) => d.notificationId),
        created.map((d) => d.userId),
        created.map((d) => d.category),
        created.map((d) => d.title),
        created.map((d) => d.body),
        created.map((d) => d.resource.type),
        created.map((d) => d.resource.id),
        created.map((d) => d.sourceEventId),
        created.map((d) => d.createdAt),
      ],
    );
  }
  for (const e of inboxEvents) {
    if (e.type !== 'read') continue;
    await tx.query(`UPDATE ${table} SET read_at = $2 WHERE id = ANY($1::uuid[]) AND read_at IS NULL`, [
      e.data.notificationIds,
      e.data.readAt,
    ]);
  }
}
