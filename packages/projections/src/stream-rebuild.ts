import type { NatsConnection } from '@nats-io/nats-core';
import { silentLogger, type Logger } from '@omni/contracts';
import { inTransaction } from '@omni/event-store';
import type { Pool } from 'pg';
import { liveTables, shadowTables } from './projection.js';
import type { RebuildProgress, RebuildResult } from './rebuild.js';
import { applyStreamEvents } from './stream-apply.js';
import { advanceStreamCheckpoint, readStreamCheckpoint } from './stream-checkpoint.js';
import type { StreamProjection } from './stream-projection.js';
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
 * live runner's writes, apply what it got ahead of us meanwhile (up to its checkpoint), swap the
 * shadow tables in and leave the checkpoint where the rebuilt model stands.
 */
export async function rebuildStreamProjection(options: StreamRebuildOptions): Promise<RebuildResult> {
  const { pool, schema, nats, projection } = options;
  const logger = options.logger ?? silentLogger;
  const started = performance.now();
  const shadow = shadowTables(schema, projection);
  await inTransaction(pool, (tx) => createShadowTables(tx, schema, projection));
  let events = 0;
  const fill = (
    tx: Parameters<typeof applyStreamEvents>[0],
    batch: Parameters<typeof applyStreamEvents>[2],
  ) => applyStreamEvents(tx, projection, batch, shadow, logger);
  const rebuiltUpTo = await readStream(
    nats,
    projection.source,
    { after: 0, ...batching(options) },
    async (batch, pending) => {
      await inTransaction(pool, (tx) => fill(tx, batch));
      events += batch.length;
      options.onProgress?.({ projection: projection.name, events, total: events + pending });
    },
  );
  const { rows, caughtUp } = await retryOnLockConflict(() =>
    inTransaction(pool, async (tx) => {
      if (options.dryRun) return { rows: await compareAndDrop(tx, schema, [projection]), caughtUp: 0 };
      await lockLiveTables(tx, schema, [projection]);
      const live = await readStreamCheckpoint(tx, schema, projection.name);
      let applied = 0;
      const position = await readStream(
        nats,
        projection.source,
        { after: rebuiltUpTo, until: live },
        async (batch) => {
          await fill(tx, batch);
          applied += batch.length;
        },
      );
      await swapShadowIn(tx, schema, projection);
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

const batching = (options: StreamRebuildOptions) =>
  options.batchSize === undefined ? {} : { batchSize: options.batchSize };
