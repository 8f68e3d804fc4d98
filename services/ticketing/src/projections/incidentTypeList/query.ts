import { NotFoundError, cursorKey, pageOf, type Page, type PageQuery, type ticketing } from '@omni/contracts';
import type { Pool, PoolClient } from 'pg';

interface IncidentTypeRow {
  id: string;
  code: string;
  name: string;
  default_priority: ticketing.TicketPriority;
}

const toIncidentType = (row: IncidentTypeRow): ticketing.IncidentType => ({
  id: row.id,
  code: row.code,
  name: row.name,
  defaultPriority: row.default_priority,
});

export async function getIncidentType(db: Pool | PoolClient, schema: string, id: string) {
  const { rows } = await db.query<IncidentTypeRow>(`SELECT * FROM ${schema}.incident_types WHERE id = $1`, [
    id,
  ]);
  if (!rows[0]) throw new NotFoundError('There is no such incident type', 'incident_type_not_found');
  return toIncidentType(rows[0]);
}

/** By code. */
export async function listIncidentTypes(
  db: Pool | PoolClient,
  schema: string,
  query: PageQuery,
): Promise<Page<ticketing.IncidentType>> {
  const after = cursorKey(query.cursor, ['string'])?.[0];
  const { rows } = await db.query<IncidentTypeRow>(
    `SELECT * FROM ${schema}.incident_types WHERE ($1::text IS NULL OR code > $1) ORDER BY code LIMIT $2`,
    [after ?? null, query.limit + 1],
  );
  return pageOf(rows, query.limit, (row) => [row.code], toIncidentType);
}
