import { NotFoundError, cursorKey, pageOf, type Page, type PageQuery } from '@omni/contracts';
import type { Pool, PoolClient } from 'pg';

/** What locations and vendors have in common: a unique code and a name. */
export interface CodedEntry {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly version: number;
  readonly createdAt: string;
}

interface CodedRow {
  id: string;
  code: string;
  name: string;
  version: number;
  created_at: Date;
}

/**
 * The queries of a read model of coded entries (locations, vendors): a list in code order with
 * cursors, and one entry by id (a 404 with `<noun>_not_found` when there is none).
 */
export function codedListQueries(table: string, noun: 'location' | 'vendor') {
  const title = noun[0]!.toUpperCase() + noun.slice(1);
  return {
    async list(db: Pool | PoolClient, schema: string, query: PageQuery): Promise<Page<CodedEntry>> {
      const after = cursorKey(query.cursor, ['string'])?.[0];
      const { rows } = await db.query<CodedRow>(
        `SELECT id, code, name, version, created_at FROM ${schema}.${table}
         WHERE $1::text IS NULL OR code > $1 ORDER BY code LIMIT $2`,
        [after ?? null, query.limit + 1],
      );
      return pageOf(rows, query.limit, (row) => [row.code], toEntry);
    },
    async get(db: Pool | PoolClient, schema: string, id: string): Promise<CodedEntry> {
      const { rows } = await db.query<CodedRow>(
        `SELECT id, code, name, version, created_at FROM ${schema}.${table} WHERE id = $1`,
        [id],
      );
      if (!rows[0]) throw new NotFoundError(`${title} not found`, `${noun}_not_found`);
      return toEntry(rows[0]);
    },
  };
}

function toEntry(row: CodedRow): CodedEntry {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}
