import type { Tx } from '@omni/event-store';

/** Projections create their tables (and indexes) once; later starts and shadow rebuilds skip them. */
export async function tableExists(tx: Tx, qualifiedName: string): Promise<boolean> {
  const { rows } = await tx.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [
    qualifiedName,
  ]);
  return rows[0]?.exists ?? false;
}
