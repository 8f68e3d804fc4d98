import { silentLogger, type Logger } from '@omni/contracts';
import { inTransaction, type EventStore } from '@omni/event-store';
import { readCheckpoint, writeCheckpoint } from './checkpoint.js';
import { applyEvents, liveTables, type Projection } from './projection.js';

export interface RunningProjection {
  stop(): Promise<void>;
  /** Resolves once everything committed before the call has been applied. */
  caughtUp(): Promise<void>;
}

/**
 * Keeps an asynchronous projection up to date from the service's own log. Each batch and the
 * checkpoint after it commit in one transaction: a crash anywhere leaves them agreeing.
 */
export function runCheckpointedProjection({
  store,
  projection,
  logger = silentLogger,
  batchSize = 500,
  pollIntervalMs = 200,
}: {
  store: EventStore;
  projection: Projection;
  logger?: Logger;
  batchSize?: number;
  pollIntervalMs?: number;
}): RunningProjection {
  const tables = liveTables(store.schema, projection);
  let running = true;
  const idleWaiters: (() => void)[] = [];

  const step = () =>
    inTransaction(store.pool, async (tx) => {
      const from = await readCheckpoint(tx, store.schema, projection.name);
      const batch = await store.readAll(from, { limit: batchSize, tx });
      if (batch.length === 0) return 0;
      await applyEvents(tx, projection, batch, tables);
      await writeCheckpoint(tx, store.schema, projection.name, store.positionOf(batch[batch.length - 1]!));
      return batch.length;
    });

  const loop = (async () => {
    while (running) {
      try {
        if ((await step()) > 0) continue;
        idleWaiters.splice(0).forEach((resolve) => resolve());
      } catch (error) {
        logger.warn({ err: error, projection: projection.name }, 'projection batch failed; retrying');
      }
      await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
    }
  })();

  return {
    async stop() {
      running = false;
      await loop;
    },
    caughtUp: () =>
      new Promise<void>((resolve) => {
        // Wait for an empty read that started after this call.
        let seenOne = false;
        const waitTwice = () => (seenOne ? resolve() : ((seenOne = true), idleWaiters.push(waitTwice)));
        idleWaiters.push(waitTwice);
      }),
  };
}
