import {
  NotFoundError,
  cursorKey,
  pageOf,
  type Page,
  type PageQuery,
  type scheduling,
} from '@omni/contracts';
import type { Pool } from 'pg';

interface FacilityRow {
  id: string;
  code: string;
  name: string;
  timezone: string;
  version: number;
  created_at: Date;
}

export async function getFacility(
  db: Pool,
  schema: string,
  facilityId: string,
): Promise<scheduling.Facility> {
  const { rows } = await db.query<FacilityRow>(`SELECT * FROM ${schema}.facilities WHERE id = $1`, [
    facilityId,
  ]);
  if (!rows[0]) throw new NotFoundError('There is no such facility', 'facility_not_found');
  return toFacility(rows[0]);
}

/** By code, so a list reads like a directory. */
export async function listFacilities(
  db: Pool,
  schema: string,
  query: PageQuery,
): Promise<Page<scheduling.Facility>> {
  const after = cursorKey(query.cursor, ['string'])?.[0] ?? null;
  const { rows } = await db.query<FacilityRow>(
    `SELECT * FROM ${schema}.facilities WHERE ($1::text IS NULL OR code > $1) ORDER BY code LIMIT $2`,
    [after, query.limit + 1],
  );
  return pageOf(rows, query.limit, (row) => [row.code], toFacility);
}

function toFacility(row: FacilityRow): scheduling.Facility {
  const { id, code, name, timezone, version } = row;
  return { id, code, name, timezone, version, createdAt: row.created_at.toISOString() };
}
