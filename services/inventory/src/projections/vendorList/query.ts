import { NotFoundError, cursorKey, pageOf, type Page, type PageQuery, type inventory } from '@omni/contracts';
import type { Pool, PoolClient } from 'pg';

interface VendorRow {
  id: string;
  code: string;
  name: string;
  version: number;
  created_at: Date;
}

export async function listVendors(
  db: Pool | PoolClient,
  schema: string,
  query: PageQuery,
): Promise<Page<inventory.Vendor>> {
  const after = cursorKey(query.cursor, ['string'])?.[0];
  const { rows } = await db.query<VendorRow>(
    `SELECT id, code, name, version, created_at FROM ${schema}.vendor_list
     WHERE $1::text IS NULL OR code > $1 ORDER BY code LIMIT $2`,
    [after ?? null, query.limit + 1],
  );
  return pageOf(rows, query.limit, (row) => [row.code], toVendor);
}

export async function getVendor(
  db: Pool | PoolClient,
  schema: string,
  id: string,
): Promise<inventory.Vendor> {
  const { rows } = await db.query<VendorRow>(
    `SELECT id, code, name, version, created_at FROM ${schema}.vendor_list WHERE id = $1`,
    [id],
  );
  if (!rows[0]) throw new NotFoundError('Vendor not found', 'vendor_not_found');
  return toVendor(rows[0]);
}

function toVendor(row: VendorRow): inventory.Vendor {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}
