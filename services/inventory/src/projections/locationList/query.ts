import { NotFoundError, cursorKey, pageOf, type Page, type PageQuery, type inventory } from '@omni/contracts';
import type { Pool, PoolClient } from 'pg';

interface LocationRow {
  id: string;
  code: string;
  name: string;
  version: number;
  created_at: Date;
}

export async function listLocations(
  db: Pool | PoolClient,
  schema: string,
  query: PageQuery,
): Promise<Page<inventory.Location>> {
  const after = cursorKey(query.cursor, ['string'])?.[0];
  const { rows } = await db.query<LocationRow>(
    `SELECT id, code, name, version, created_at FROM ${schema}.location_list
     WHERE $1::text IS NULL OR code > $1 ORDER BY code LIMIT $2`,
    [after ?? null, query.limit + 1],
  );
  return pageOf(rows, query.limit, (row) => [row.code], toLocation);
}

export async function getLocation(
  db: Pool | PoolClient,
  schema: string,
  id: string,
): Promise<inventory.Location> {
  const { rows } = await db.query<LocationRow>(
    `SELECT id, code, name, version, created_at FROM ${schema}.location_list WHERE id = $1`,
    [id],
  );
  if (!rows[0]) throw new NotFoundError('Location not found', 'location_not_found');
  return toLocation(rows[0]);
}

function toLocation(row: LocationRow): inventory.Location {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}
