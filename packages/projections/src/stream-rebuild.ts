import type { NatsConnection } from '@nats-io/nats-core';
import { silentLogger, type Logger } from '@omni/contracts';
import { inTransaction, type Tx } from '@omni/event-store';
import type { Pool } from 'pg';
import { liveTables, shadowTables } from './projection.js';
import type { RebuildProgress, RebuildResult } from './rebuild.js';
import { applyStreamEvents } from './stream-apply.js';
import { advanceStreamCheckpoint, readStreamCheckpoint } from './stream-checkpoint.js';
import type { StreamEvent, StreamProjection } from './stream-projection.js';
import { readStream } from './stream-reader.js';
import {
  compareAndDrop,
  countRows,
  createShadowTables,
  lockLiveTables,
  retryOnLockConflict,
  swapShadowIn,
} from './swap.js';

export interface StreamRebuildOptions {
  readonly pool: Pool;
  /** The service's schema, where the read model lives. */
  readonly schema: string;
  readonly nats: NatsConnection;
  readonly projection: StreamProjection;
  readonly onProgress?: (progress: RebuildProgress) => void;
  readonly dryRun?: boolean;
  readonly batchSize?: number;
  readonly logger?: Logger;
}

/**
 * Rebuilds a stream-fed read model from its source stream while the live one keeps serving: read
 * the stream from its first message into shadow tables, then in one short transaction block the
 * live runner's writes, apply what it got ahead of us meanwhile (up to its checkpoint), and swap
 * the shadow tables in, leaving the checkpoint where the rebuilt model stands.
 *
 * A dry run compares instead of swapping, and compares like with like: the live model stands at
 * the live runner's checkpoint, which may be behind the stream's head (it lags after a restart or
 * under load), so the shadow is filled only up to that checkpoint and then, under the same lock,
 * caught up to where the checkpoint has moved meanwhile. A difference is then a lost or doubled
 * event, not lag.
 */
export async function rebuildStreamProjection(options: StreamRebuildOptions): Promise<RebuildResult> {
  const { pool, schema, projection } = options;
  const logger = options.logger ?? silentLogger;
  const started = performance.now();
  const shadow = shadowTables(schema, projection);
  await inTransaction(pool, (tx) => createShadowTables(tx, schema, projection));
  const fill: FillShadow = (tx, batch) => applyStreamEvents(tx, projection, batch, shadow, logger);
  let events = 0;
  // A real rebuild reads to the head: the more it applies here, the less is left for the lock, and
  // the live runner skips what the swapped-in model already has.
  const until = options.dryRun
    ? await inTransaction(pool, (tx) => readStreamCheckpoint(tx, schema, projection.name))
    : undefined;
  const filledUpTo = await readStream(
    options.nats,
    projection.source,
    { after: 0, ...(until === undefined ? {} : { until }), ...batching(options), logger },
    async (batch, pending) => {
      await inTransaction(pool, (tx) => fill(tx, batch));
      events += batch.length;
      options.onProgress?.({ projection: projection.name, events, total: events + pending });
    },
  );
  const { rows, caughtUp } = await retryOnLockConflict(() =>
    inTransaction(pool, async (tx) => {
      const { position, applied } = await catchUpUnderLock(tx, options, filledUpTo, fill);
      if (options.dryRun) return { rows: await compareAndDrop(tx, schema, [projection]), caughtUp: applied };
      await swapShadowIn(tx, schema, projection);
      // Beyond the live checkpoint when the rebuild read further than the runner had got: the runner
      // then skips what the swapped-in model already has.
      await advanceStreamCheckpoint(tx, schema, projection.name, position);
      return { rows: await countRows(tx, [liveTables(schema, projection)], 'rebuilt'), caughtUp: applied };
    }),
  );
  events += caughtUp;
  const seconds = (performance.now() - started) / 1000;
  options.onProgress?.({ projection: projection.name, events, total: events });
  return {
    projection: projection.name,
    events,
    seconds,
    eventsPerSecond: Math.round(events / seconds),
    rows,
  };
}

type FillShadow = (tx: Tx, batch: readonly StreamEvent[]) => Promise<void>;

/**
 * Blocks the live runner's writes (readers go on) and applies to the shadow tables what the runner
 * applied beyond `filledUpTo`, up to its checkpoint. With the lock held, no runner transaction that
 * writes rows can commit: the live rows stay the fold up to the checkpoint read here until this
 * transaction ends (a batch that writes no row may move the checkpoint on, which changes no row).
 * Resolves with the position the shadow then stands at: the live checkpoint, or `filledUpTo` when
 * that is further (a real rebuild, filled to the stream's head, while the runner lags).
 */
async function catchUpUnderLock(
  tx: Tx,
  { schema, nats, projection, logger }: StreamRebuildOptions,
  filledUpTo: number,
  fill: FillShadow,
) {
  await lockLiveTables(tx, schema, [projection]);
  const live = await readStreamCheckpoint(tx, schema, projection.name);
  let applied = 0;
  const position = await readStream(
    nats,
    projection.source,
    { after: filledUpTo, until: live, ...(logger ? { logger } : {}) },
    async (batch) => {
      await fill(tx, batch);
      applied += batch.length;
    },
  );
  return { position: Math.max(position, live), applied };
}

const batching = (options: StreamRebuildOptions) =>
  options.batchSize === undefined ? {} : { batchSize: options.batchSize };
