import { NotFoundError, cursorKey, pageOf, type Page, type scheduling } from '@omni/contracts';
import type { Pool } from 'pg';
import { containsPattern } from '@omni/projections';

interface StaffRow {
  id: string;
  name: string;
  email: string;
  user_id: string | null;
  skills: string[];
  weekly_minutes_limit: number | null;
  version: number;
  created_at: Date;
}

export async function getStaff(db: Pool, schema: string, staffId: string): Promise<scheduling.Staff> {
  const { rows } = await db.query<StaffRow>(`SELECT * FROM ${schema}.staff WHERE id = $1`, [staffId]);
  if (!rows[0]) throw new NotFoundError('There is no such staff member', 'staff_not_found');
  return toStaff(rows[0]);
}

/** `q` matches name or e-mail, case-insensitive, substring. */
export async function listStaff(
  db: Pool,
  schema: string,
  query: scheduling.ListStaffQuery,
): Promise<Page<scheduling.Staff>> {
  const after = cursorKey(query.cursor, ['string'])?.[0] ?? null;
  const { rows } = await db.query<StaffRow>(
    `SELECT * FROM ${schema}.staff
      WHERE ($1::text IS NULL OR name ILIKE $1 OR email ILIKE $1) AND ($2::uuid IS NULL OR id > $2)
      ORDER BY id LIMIT $3`,
    [query.q === undefined ? null : containsPattern(query.q), after, query.limit + 1],
  );
  return pageOf(rows, query.limit, (row) => [row.id], toStaff);
}

function toStaff(row: StaffRow): scheduling.Staff {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    userId: row.user_id,
    skills: row.skills,
    weeklyMinutesLimit: row.weekly_minutes_limit,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}
