import { NotFoundError, cursorKey, pageOf, type Page, type scheduling } from '@omni/contracts';
import type { Pool } from 'pg';
import { rangeOf } from '../shiftList/query.js';

interface EventRow {
  id: string;
  title: string;
  facility_id: string;
  starts_at: Date;
  ends_at: Date;
  status: 'scheduled' | 'cancelled';
  cancellation_reason: string | null;
  version: number;
  created_at: Date;
}

export async function getEvent(
  db: Pool,
  schema: string,
  eventId: string,
): Promise<scheduling.ScheduledEvent> {
  const { rows } = await db.query<EventRow>(`SELECT * FROM ${schema}.scheduled_events WHERE id = $1`, [
    eventId,
  ]);
  if (!rows[0]) throw new NotFoundError('There is no such event', 'event_not_found');
  return toEvent(rows[0]);
}

/** Events starting in the range (default: 7 days from the start of today, UTC), by start. */
export async function listEvents(
  db: Pool,
  schema: string,
  query: scheduling.ListEventsQuery,
): Promise<Page<scheduling.ScheduledEvent>> {
  const { from, to } = rangeOf(query);
  const after = cursorKey(query.cursor, ['string', 'string']);
  const { rows } = await db.query<EventRow>(
    `SELECT * FROM ${schema}.scheduled_events
      WHERE starts_at >= $1 AND starts_at < $2 AND ($3::uuid IS NULL OR facility_id = $3)
        AND ($4::timestamptz IS NULL OR (starts_at, id) > ($4, $5::uuid))
      ORDER BY starts_at, id LIMIT $6`,
    [from, to, query.facilityId ?? null, after?.[0] ?? null, after?.[1] ?? null, query.limit + 1],
  );
  return pageOf(rows, query.limit, (row) => [row.starts_at.toISOString(), row.id], toEvent);
}

function toEvent(row: EventRow): scheduling.ScheduledEvent {
  return {
    id: row.id,
    title: row.title,
    facilityId: row.facility_id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    status: row.status,
    cancellationReason: row.cancellation_reason,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}
