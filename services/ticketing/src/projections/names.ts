import type { Tx } from '@omni/event-store';
import { tableExists } from '@omni/projections';

/** An id → name table for another service's entity (facilities, products) that tickets show by name. */
export async function createNameTable(tx: Tx, table: string): Promise<void> {
  if (await tableExists(tx, table)) return;
  await tx.query(`CREATE TABLE ${table} (id uuid PRIMARY KEY, name text NOT NULL, version int NOT NULL)`);
}

/** Moves only forward by the source stream's version: a replayed or late event never undoes a rename. */
export async function upsertName(
  tx: Tx,
  table: string,
  id: string,
  name: string,
  version: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO ${table} VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, version = excluded.version WHERE ${table}.version < excluded.version`,
    [id, name, version],
  );
}
