import type { Tx } from '@omni/event-store';
import { liveTables, retiredTables, shadowTables, type TableNames } from './projection.js';

/** What a rebuild needs of a read model, whichever log feeds it. */
export interface OwnsTables {
  readonly name: string;
  readonly tables: readonly string[];
  createTables(tx: Tx, t: TableNames): Promise<void>;
}

/** A rebuild that crashed before leaves its shadow behind: start from empty shadow tables. */
export async function createShadowTables(tx: Tx, schema: string, projection: OwnsTables): Promise<void> {
  const shadow = shadowTables(schema, projection);
  await dropTables(tx, shadow);
  await projection.createTables(tx, shadow);
}

const SWAP_LOCK_TIMEOUT_MS = 200;

/**
 * Blocks writers of the live tables for the rest of the transaction (readers go on). Gives way rather
 * than wait: a reader joining two of these tables could otherwise deadlock with the renames, and
 * PostgreSQL might pick the reader as the victim. Readers must never fail.
 */
export async function lockLiveTables(tx: Tx, schema: string, projections: readonly OwnsTables[]) {
  await tx.query(`SET LOCAL lock_timeout = '${SWAP_LOCK_TIMEOUT_MS}ms'`);
  const live = projections.flatMap((p) => Object.values(liveTables(schema, p)));
  await tx.query(`LOCK TABLE ${live.join(', ')} IN EXCLUSIVE MODE`);
}

/** Renames the shadow tables in and drops the ones they replace, inside the caller's transaction. */
export async function swapShadowIn(tx: Tx, schema: string, projection: OwnsTables): Promise<void> {
  const [current, shadow, retired] = [liveTables, shadowTables, retiredTables].map((f) =>
    f(schema, projection),
  );
  for (const table of projection.tables) {
    await tx.query(`ALTER TABLE ${current![table]} RENAME TO ${bare(retired![table]!)}`);
    await tx.query(`ALTER TABLE ${shadow![table]} RENAME TO ${table}`);
  }
  await dropTables(tx, retired!);
}

/** The swap rolls back on a lock timeout or deadlock and is tried again: nothing is half-swapped. */
export async function retryOnLockConflict<T>(swap: () => Promise<T>, attempts = 50): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await swap();
    } catch (error) {
      const code = (error as { code?: string }).code;
      const lockConflict = code === '55P03' || code === '40P01';
      if (!lockConflict || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 50));
    }
  }
}

export type RowCounts = Record<string, { rebuilt: number; live?: number }>;

export async function countRows(tx: Tx, tableSets: readonly TableNames[], as: 'rebuilt' | 'live') {
  const counts: Record<string, { rebuilt?: number; live?: number }> = {};
  for (const [table, physical] of tableSets.flatMap((tables) => Object.entries(tables))) {
    const { rows } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${physical}`);
    counts[table] = { [as]: rows[0]!.n };
  }
  return counts as RowCounts;
}

/** A dry run: row counts of the shadow and the live tables side by side, then the shadow is dropped. */
export async function compareAndDrop(tx: Tx, schema: string, projections: readonly OwnsTables[]) {
  const shadow = projections.map((p) => shadowTables(schema, p));
  const rebuilt = await countRows(tx, shadow, 'rebuilt');
  const live = await countRows(
    tx,
    projections.map((p) => liveTables(schema, p)),
    'live',
  );
  for (const tables of shadow) await dropTables(tx, tables);
  return Object.fromEntries(
    Object.keys(rebuilt).map((table) => [
      table,
      { rebuilt: rebuilt[table]!.rebuilt, live: live[table]!.live! },
    ]),
  ) as RowCounts;
}

export async function dropTables(tx: Tx, tables: TableNames): Promise<void> {
  for (const physical of Object.values(tables)) await tx.query(`DROP TABLE IF EXISTS ${physical}`);
}

const bare = (qualified: string) => qualified.split('.').pop()!;
