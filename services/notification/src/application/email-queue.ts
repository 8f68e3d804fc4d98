import { asDomainEvent, type StoredEvent, type Tx } from '@omni/event-store';
import type { InboxEvent } from '../domain/inbox/decider.js';

/** The Message-ID of a notification's e-mail: the same on every attempt, so a re-send is recognisable. */
export const messageIdOf = (notificationId: string) => `<${notificationId}@omni.notification>`;

/**
 * Queues the e-mail copy of every notification in this batch, in the batch's own transaction: a
 * notification committed has its delivery row, one never committed has none. MikroORM maps the
 * table (persistence/entities.ts) but cannot join the command processor's transaction, so this one
 * statement is SQL. Users who turned e-mail off, or whose address notification does not know, get
 * no row. A notification's id is its row's key: it is never queued twice.
 */
export async function queueEmails(tx: Tx, schema: string, events: readonly StoredEvent[]): Promise<void> {
  const created = events
    .filter((e) => e.streamId.startsWith('inbox-') && e.eventType === 'created')
    .map((e) => asDomainEvent<InboxEvent>(e))
    .flatMap((e) => (e.type === 'created' ? [e.data] : []));
  if (created.length === 0) return;
  await tx.query(
    `INSERT INTO ${schema}.email_delivery
       (notification_id, user_id, to_address, subject, body, message_id, created_at, next_attempt_at)
     SELECT n.id, n.user_id, u.email, n.subject, n.body, n.message_id, now(), now()
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[]) AS n(id, user_id, subject, body, message_id)
       JOIN ${schema}.user_directory u ON u.user_id = n.user_id AND u.active
       LEFT JOIN ${schema}.preferences p ON p.user_id = n.user_id
      WHERE coalesce(p.email, true)
     ON CONFLICT (notification_id) DO NOTHING`,
    [
      created.map((n) => n.notificationId),
      created.map((n) => n.userId),
      created.map((n) => n.title),
      created.map((n) => n.body),
      created.map((n) => messageIdOf(n.notificationId)),
    ],
  );
}
