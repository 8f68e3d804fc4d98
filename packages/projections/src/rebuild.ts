import type { EventStore, Position, Tx } from '@omni/event-store';
import { START, inTransaction } from '@omni/event-store';
import { writeCheckpoint } from './checkpoint.js';
import { applyEvents, liveTables, shadowTables, type Projection } from './projection.js';
import {
  compareAndDrop,
  countRows,
  createShadowTables,
  lockLiveTables,
  retryOnLockConflict,
  swapShadowIn,
} from './swap.js';

/** Passes over the log before the locked catch-up (see rebuildProjections). */
const UNLOCKED_PASSES = 3;

export interface RebuildProgress {
  /** The projections being rebuilt, comma-separated. */
  readonly projection: string;
  readonly events: number;
  /** Events in the log when the rebuild started. */
  readonly total: number;
}

export interface RebuildOptions {
  readonly store: EventStore;
  /** Rebuilt together in one pass over the log, swapped in together. */
  readonly projections: readonly Projection[];
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** Builds and compares the shadow tables, then drops them; the live tables stay as they are. */
  readonly dryRun?: boolean;
  readonly batchSize?: number;
  /** Store the final position as this projection's checkpoint (for checkpointed projections). */
  readonly checkpoint?: boolean;
}

export interface RebuildResult {
  readonly projection: string;
  /** Events read from the log (each applied to every projection). */
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** Row counts of the rebuilt tables, and of the live ones for a dry run. */
  readonly rows: Readonly<Record<string, { rebuilt: number; live?: number }>>;
}

/**
 * Rebuilds read models from the log while the live ones keep serving (docs/architecture.md, Read models): fill shadow
 * tables in big batches (one pass over the log for all of them), then in one short transaction block
 * writers, apply what arrived meanwhile, and swap the shadow tables in. Readers never see an empty or
 * half-built model.
 */
export async function rebuildProjections(options: RebuildOptions): Promise<RebuildResult> {
  const { store, projections } = options;
  const name = projections.map((p) => p.name).join(',');
  const started = performance.now();
  const shadow = projections.map((p) => shadowTables(store.schema, p));
  await inTransaction(store.pool, async (tx) => {
    for (const projection of projections) await createShadowTables(tx, store.schema, projection);
  });
  const total = await countEvents(store);
  const batchSize = options.batchSize ?? 5000;
  let events = 0;
  let position: Position = START;
  // Passes without blocking writers, each up to the size the log had when it began: under writes
  // faster than the rebuild, a pass "until nothing is left" would never end. Each pass leaves less for
  // the next; what the last one leaves is applied under the lock.
  let target = total;
  for (let pass = 0; pass < UNLOCKED_PASSES; pass++) {
    while (events < target) {
      const batch = await store.readAll(position, { limit: batchSize });
      if (batch.length === 0) break;
      await inTransaction(store.pool, async (tx) => {
        for (const [i, projection] of projections.entries())
          await applyEvents(tx, projection, batch, shadow[i]!);
      });
      position = store.positionOf(batch[batch.length - 1]!);
      events += batch.length;
      options.onProgress?.({ projection: name, events, total });
    }
    target = await countEvents(store);
    if (target - events < batchSize) break; // little left: the locked catch-up takes it
  }
  const { rows, caughtUp } = await retryOnLockConflict(() =>
    inTransaction(store.pool, async (tx) => {
      // A dry run catches up too, so it compares with the live tables at one and the same point.
      const applied = await catchUpUnderLock(tx, store, projections, position);
      if (options.dryRun)
        return { rows: await compareAndDrop(tx, store.schema, projections), caughtUp: applied };
      for (const projection of projections) {
        await swapShadowIn(tx, store.schema, projection);
        if (options.checkpoint) await writeCheckpoint(tx, store.schema, projection.name, applied.position);
      }
      const live = projections.map((p) => liveTables(store.schema, p));
      return { rows: await countRows(tx, live, 'rebuilt'), caughtUp: applied };
    }),
  );
  events += caughtUp.events;
  const seconds = (performance.now() - started) / 1000;
  options.onProgress?.({ projection: name, events, total: Math.max(total, events) });
  return { projection: name, events, seconds, eventsPerSecond: Math.round(events / seconds), rows };
}

/** One read model: see rebuildProjections. */
export function rebuildProjection(options: Omit<RebuildOptions, 'projections'> & { projection: Projection }) {
  const { projection, ...rest } = options;
  return rebuildProjections({ ...rest, projections: [projection] });
}

/**
 * Blocks writers (for the few milliseconds it takes; readers go on) and applies to the shadow tables
 * what was committed since the pass over the log. The batched pass reads only below the oldest
 * running transaction in the cluster, so it may stop short; under the lock every writer of these
 * tables has committed.
 */
async function catchUpUnderLock(
  tx: Tx,
  store: EventStore,
  projections: readonly Projection[],
  from: Position,
) {
  await lockLiveTables(tx, store.schema, projections);
  let position = from;
  let events = 0;
  for (;;) {
    // One still in flight will write its own rows to whichever table the name designates after the swap.
    const batch = await store.readAll(position, { tx, limit: 5000, allCommitted: true });
    if (batch.length === 0) break;
    for (const projection of projections)
      await applyEvents(tx, projection, batch, shadowTables(store.schema, projection));
    position = store.positionOf(batch[batch.length - 1]!);
    events += batch.length;
  }
  return { position, events };
}

async function countEvents(store: EventStore): Promise<number> {
  const { rows } = await store.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${store.schema}.events`,
  );
  return rows[0]!.n;
}
