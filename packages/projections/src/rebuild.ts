import type { EventStore, Position, Tx } from '@omni/event-store';
import { START } from '@omni/event-store';
import { writeCheckpoint } from './checkpoint.js';
import {
  applyEvents,
  inTransaction,
  liveTables,
  retiredTables,
  shadowTables,
  type Projection,
  type TableNames,
} from './projection.js';

export interface RebuildProgress {
  readonly projection: string;
  readonly events: number;
  /** Events in the log when the rebuild started. */
  readonly total: number;
}

export interface RebuildOptions {
  readonly store: EventStore;
  readonly projection: Projection;
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** Builds and compares the shadow tables, then drops them; the live tables stay as they are. */
  readonly dryRun?: boolean;
  readonly batchSize?: number;
  /** Store the final position as this projection's checkpoint (for checkpointed projections). */
  readonly checkpoint?: boolean;
}

export interface RebuildResult {
  readonly projection: string;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** Row counts of the rebuilt tables, and of the live ones for a dry run. */
  readonly rows: Readonly<Record<string, { rebuilt: number; live?: number }>>;
}

/**
 * Rebuilds a read model from the log while the live one keeps serving (ARCHITECTURE §7): fill shadow
 * tables in big batches, then in one short transaction block writers, apply what arrived meanwhile,
 * and swap the shadow tables in. Readers never see an empty or half-built model.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { store, projection } = options;
  const started = performance.now();
  const shadow = shadowTables(store.schema, projection);
  await inTransaction(store.pool, async (tx) => {
    await dropTables(tx, shadow); // a rebuild that crashed before leaves its shadow behind
    await projection.createTables(tx, shadow);
  });
  const total = await countEvents(store);
  let events = 0;
  let position: Position = START;
  for (;;) {
    const batch = await store.readAll(position, { limit: options.batchSize ?? 5000 });
    if (batch.length === 0) break;
    await inTransaction(store.pool, (tx) => applyEvents(tx, projection, batch, shadow));
    position = store.positionOf(batch[batch.length - 1]!);
    events += batch.length;
    options.onProgress?.({ projection: projection.name, events, total });
  }
  const rows = await inTransaction(store.pool, async (tx) => {
    if (options.dryRun) return compareAndDrop(tx, store, projection, shadow);
    const caughtUp = await swapIn(tx, store, projection, position, options.checkpoint ?? false);
    events += caughtUp;
    return countRows(tx, liveTables(store.schema, projection), 'rebuilt');
  });
  const seconds = (performance.now() - started) / 1000;
  options.onProgress?.({ projection: projection.name, events, total: Math.max(total, events) });
  return {
    projection: projection.name,
    events,
    seconds,
    eventsPerSecond: Math.round(events / seconds),
    rows,
  };
}

/** The swap: writers wait on the table locks for the few milliseconds it takes; readers do not. */
async function swapIn(
  tx: Tx,
  store: EventStore,
  projection: Projection,
  from: Position,
  checkpoint: boolean,
) {
  const live = liveTables(store.schema, projection);
  const shadow = shadowTables(store.schema, projection);
  const retired = retiredTables(store.schema, projection);
  await tx.query(`LOCK TABLE ${Object.values(live).join(', ')} IN EXCLUSIVE MODE`);
  let position = from;
  let applied = 0;
  for (;;) {
    // Every transaction that wrote these tables has committed (we hold their lock); one still in
    // flight will write its own rows to whichever table the name designates after the swap.
    const batch = await store.readAll(position, { tx, limit: 5000, allCommitted: true });
    if (batch.length === 0) break;
    await applyEvents(tx, projection, batch, shadow);
    position = store.positionOf(batch[batch.length - 1]!);
    applied += batch.length;
  }
  for (const table of projection.tables) {
    await tx.query(`ALTER TABLE ${live[table]} RENAME TO ${bare(retired[table]!)}`);
    await tx.query(`ALTER TABLE ${shadow[table]} RENAME TO ${table}`);
  }
  await dropTables(tx, retired);
  if (checkpoint) await writeCheckpoint(tx, store.schema, projection.name, position);
  return applied;
}

async function compareAndDrop(tx: Tx, store: EventStore, projection: Projection, shadow: TableNames) {
  const rebuilt = await countRows(tx, shadow, 'rebuilt');
  const live = await countRows(tx, liveTables(store.schema, projection), 'live');
  await dropTables(tx, shadow);
  return Object.fromEntries(
    projection.tables.map((table) => [
      table,
      { rebuilt: rebuilt[table]!.rebuilt!, live: live[table]!.live! },
    ]),
  ) as RebuildResult['rows'];
}

async function countRows(tx: Tx, tables: TableNames, as: 'rebuilt' | 'live') {
  const counts: Record<string, { rebuilt?: number; live?: number }> = {};
  for (const [table, physical] of Object.entries(tables)) {
    const { rows } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${physical}`);
    counts[table] = { [as]: rows[0]!.n };
  }
  return counts as Record<string, { rebuilt: number; live?: number }>;
}

async function countEvents(store: EventStore): Promise<number> {
  const { rows } = await store.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${store.schema}.events`,
  );
  return rows[0]!.n;
}

async function dropTables(tx: Tx, tables: TableNames): Promise<void> {
  for (const physical of Object.values(tables)) await tx.query(`DROP TABLE IF EXISTS ${physical}`);
}

const bare = (qualified: string) => qualified.split('.').pop()!;
