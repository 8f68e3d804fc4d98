import { NotFoundError, cursorKey, pageOf, type Page, type scheduling } from '@omni/contracts';
import type { Pool } from 'pg';
import type { Viewer } from '../shiftList/query.js';

interface TimeOffRow {
  id: string;
  staff_id: string;
  starts_at: Date;
  ends_at: Date;
  reason: string;
  status: scheduling.TimeOffStatus;
  decision_reason: string | null;
  unassigned_shift_ids: string[];
  version: number;
  requested_at: Date;
}

export async function getTimeOff(
  db: Pool,
  schema: string,
  timeOffId: string,
  viewer?: Viewer,
): Promise<scheduling.TimeOff> {
  const { rows } = await db.query<TimeOffRow>(
    `SELECT * FROM ${schema}.time_off WHERE id = $1 AND ($2::uuid IS NULL OR staff_user_id = $2)`,
    [timeOffId, viewer ?? null],
  );
  if (!rows[0]) throw new NotFoundError('There is no such time-off request', 'time_off_not_found');
  return toTimeOff(rows[0]);
}

/** Requests overlapping `[from, to)` when given, newest first. */
export async function listTimeOff(
  db: Pool,
  schema: string,
  query: scheduling.ListTimeOffQuery,
  viewer: Viewer,
): Promise<Page<scheduling.TimeOff>> {
  const after = cursorKey(query.cursor, ['string'])?.[0] ?? null;
  const { rows } = await db.query<TimeOffRow>(
    `SELECT * FROM ${schema}.time_off
      WHERE ($1::uuid IS NULL OR staff_id = $1) AND ($2::text IS NULL OR status = $2)
        AND ($3::timestamptz IS NULL OR ends_at > $3) AND ($4::timestamptz IS NULL OR starts_at < $4)
        AND ($5::uuid IS NULL OR staff_user_id = $5) AND ($6::uuid IS NULL OR id < $6)
      ORDER BY id DESC LIMIT $7`,
    [
      query.staffId ?? null,
      query.status ?? null,
      query.from ?? null,
      query.to ?? null,
      viewer ?? null,
      after,
      query.limit + 1,
    ],
  );
  return pageOf(rows, query.limit, (row) => [row.id], toTimeOff);
}

function toTimeOff(row: TimeOffRow): scheduling.TimeOff {
  return {
    id: row.id,
    staffId: row.staff_id,
    from: row.starts_at.toISOString(),
    to: row.ends_at.toISOString(),
    reason: row.reason,
    status: row.status,
    decisionReason: row.decision_reason,
    unassignedShiftIds: row.unassigned_shift_ids,
    version: row.version,
    requestedAt: row.requested_at.toISOString(),
  };
}
