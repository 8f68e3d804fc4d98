import type { scheduling } from '@omni/contracts';
import { asDomainEvent, type StoredEvent, type Tx } from '@omni/event-store';
import { isEventOf } from '../streams.js';
import { tableExists, type Projection, type TableNames } from '@omni/projections';

/** One row per scheduled event (GET /scheduling/events). */
export const eventListProjection: Projection = {
  name: 'events',
  tables: ['scheduled_events'],

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['scheduled_events']!)) return;
    await tx.query(`
      CREATE TABLE ${t['scheduled_events']} (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        facility_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        status text NOT NULL,
        cancellation_reason text,
        version int NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX ON ${t['scheduled_events']} (starts_at, id);
      CREATE INDEX ON ${t['scheduled_events']} (facility_id, starts_at);`);
  },

  async apply(tx: Tx, event: StoredEvent, t: TableNames) {
    if (!isEventOf('event', event)) return;
    const e = asDomainEvent<scheduling.ScheduledEventEvent>(event);
    const table = t['scheduled_events']!;
    if (e.type === 'scheduled' || e.type === 'rescheduled') {
      const d = e.data;
      await tx.query(
        `INSERT INTO ${table} (id, title, facility_id, starts_at, ends_at, status, version, created_at)
         VALUES ($1, $2, $3, $4, $5, 'scheduled', $6, $7)
         ON CONFLICT (id) DO UPDATE SET title = $2, facility_id = $3, starts_at = $4, ends_at = $5, version = $6`,
        [d.eventId, d.title, d.facilityId, d.startsAt, d.endsAt, event.streamVersion, event.recordedAt],
      );
    } else if (e.type === 'cancelled') {
      await tx.query(
        `UPDATE ${table} SET status = 'cancelled', cancellation_reason = $2, version = $3 WHERE id = $1`,
        [e.data.eventId, e.data.reason, event.streamVersion],
      );
    }
  },
};
