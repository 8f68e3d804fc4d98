import { NotFoundError, cursorKey, pageOf, type Page, type scheduling } from '@omni/contracts';
import type { Pool } from 'pg';

interface ShiftRow {
  id: string;
  facility_id: string;
  starts_at: Date;
  ends_at: Date;
  position: string | null;
  notes: string | null;
  status: scheduling.ShiftStatus;
  staff_id: string | null;
  clocked_in_at: Date | null;
  clocked_out_at: Date | null;
  worked_minutes: number | null;
  cancellation_reason: string | null;
  version: number;
  created_at: Date;
}

/** Who reads: `undefined` sees every shift; a user id sees only the shifts of staff linked to it. */
export type Viewer = string | undefined;

const DEFAULT_RANGE_MS = 7 * 24 * 3600_000;

/** A shift another staff member's user asks for is not found: its existence is not theirs to know. */
export async function getShift(
  db: Pool,
  schema: string,
  shiftId: string,
  viewer?: Viewer,
): Promise<scheduling.Shift> {
  const { rows } = await db.query<ShiftRow>(
    `SELECT * FROM ${schema}.shifts WHERE id = $1 AND ($2::uuid IS NULL OR staff_user_id = $2)`,
    [shiftId, viewer ?? null],
  );
  if (!rows[0]) throw new NotFoundError('There is no such shift', 'shift_not_found');
  return toShift(rows[0]);
}

/** Shifts starting in `[from, to)` (default: the next 7 days from the start of today, UTC), by start. */
export async function listShifts(
  db: Pool,
  schema: string,
  query: Omit<scheduling.ListShiftsQuery, 'facilityId' | 'staffId' | 'status'> &
    Partial<scheduling.ListShiftsQuery>,
  viewer: Viewer,
): Promise<Page<scheduling.Shift>> {
  const { from, to } = rangeOf(query);
  const after = cursorKey(query.cursor, ['string', 'string']);
  const { rows } = await db.query<ShiftRow>(
    `SELECT * FROM ${schema}.shifts
      WHERE starts_at >= $1 AND starts_at < $2
        AND ($3::uuid IS NULL OR facility_id = $3) AND ($4::uuid IS NULL OR staff_id = $4)
        AND ($5::text IS NULL OR status = $5) AND ($6::uuid IS NULL OR staff_user_id = $6)
        AND ($7::timestamptz IS NULL OR (starts_at, id) > ($7, $8::uuid))
      ORDER BY starts_at, id LIMIT $9`,
    [
      from,
      to,
      query.facilityId ?? null,
      query.staffId ?? null,
      query.status ?? null,
      viewer ?? null,
      after?.[0] ?? null,
      after?.[1] ?? null,
      query.limit + 1,
    ],
  );
  return pageOf(rows, query.limit, (row) => [row.starts_at.toISOString(), row.id], toShift);
}

/** Worked shifts (clocked in and out) starting in the range, with their minutes and totals. */
export async function timeEntries(
  db: Pool,
  schema: string,
  query: scheduling.TimeEntriesQuery,
  viewer: Viewer,
): Promise<scheduling.TimeEntries> {
  const { from, to } = rangeOf(query);
  const { rows } = await db.query<ShiftRow & { staff_id: string; clocked_in_at: Date; clocked_out_at: Date }>(
    `SELECT * FROM ${schema}.shifts
      WHERE starts_at >= $1 AND starts_at < $2 AND clocked_out_at IS NOT NULL
        AND ($3::uuid IS NULL OR staff_id = $3) AND ($4::uuid IS NULL OR staff_user_id = $4)
      ORDER BY starts_at, id`,
    [from, to, query.staffId ?? null, viewer ?? null],
  );
  const items = rows.map((row) => ({
    shiftId: row.id,
    staffId: row.staff_id,
    facilityId: row.facility_id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    clockedInAt: row.clocked_in_at.toISOString(),
    clockedOutAt: row.clocked_out_at.toISOString(),
    minutes: row.worked_minutes ?? 0,
  }));
  return { items, totals: { minutes: items.reduce((sum, i) => sum + i.minutes, 0), shifts: items.length } };
}

/** A list's `[from, to)`: what the query names, else 7 days from the start of today (UTC). */
export function rangeOf({ from, to }: { from?: string | undefined; to?: string | undefined }) {
  const end = to ? Date.parse(to) : undefined;
  const start = from ? Date.parse(from) : end !== undefined ? end - DEFAULT_RANGE_MS : startOfTodayUtc();
  return { from: new Date(start).toISOString(), to: new Date(end ?? start + DEFAULT_RANGE_MS).toISOString() };
}

function startOfTodayUtc(): number {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

function toShift(row: ShiftRow): scheduling.Shift {
  return {
    id: row.id,
    facilityId: row.facility_id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    position: row.position,
    notes: row.notes,
    status: row.status,
    staffId: row.staff_id,
    clockedInAt: row.clocked_in_at?.toISOString() ?? null,
    clockedOutAt: row.clocked_out_at?.toISOString() ?? null,
    cancellationReason: row.cancellation_reason,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}
