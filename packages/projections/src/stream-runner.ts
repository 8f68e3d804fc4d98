import { DeliverPolicy, jetstream, type ConsumerMessages } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { silentLogger, streamName, type Logger } from '@omni/contracts';
import { inTransaction } from '@omni/event-store';
import type { Pool } from 'pg';
import { inBatches } from './batches.js';
import { liveTables } from './projection.js';
import { applyStreamEvents } from './stream-apply.js';
import { advanceStreamCheckpoint, moveStreamCheckpoint, readStreamCheckpoint } from './stream-checkpoint.js';
import { toStreamEvent } from './stream-reader.js';
import type { StreamEvent, StreamProjection } from './stream-projection.js';

export interface RunningStreamProjection {
  stop(): Promise<void>;
}

export interface StreamProjectionRunnerOptions {
  readonly pool: Pool;
  readonly schema: string;
  readonly nats: NatsConnection;
  readonly projection: StreamProjection;
  readonly logger?: Logger;
  /** Delay before trying a failed event again (the database may be down): it is never skipped. */
  readonly retryDelayMs?: number;
  /** How long the checkpoint may stay behind events the projection does not fold (`CHECKPOINT_LAG_MS`). */
  readonly checkpointLagMs?: number;
}

/** Events applied in one transaction at most; a batch is only as big as what queued up meanwhile. */
const MAX_BATCH = 256;

/**
 * How long the checkpoint may stay behind events the projection does not fold (`folds`): skipping
 * them saves a commit per batch (orders and ticketing follow every stock receipt for names and
 * prices), and a restart reads those events again, to no effect.
 */
const CHECKPOINT_LAG_MS = 1000;

/**
 * Keeps a stream-fed read model up to date: an ordered consumer from the stored checkpoint on, the
 * events that arrived while the previous transaction ran applied together in one transaction that
 * also moves the checkpoint (the stream sequence). One commit per batch rather than per event keeps
 * a busy source stream (every stock receipt is an `inventory.product.>` event) from multiplying the
 * database's commits by the number of services that follow it. Events come in stream order and a
 * failed batch is retried until it is applied, so the model is always the fold of a prefix of the
 * stream. Several instances may run: the checkpoint decides which of them applies an event, the
 * others roll back.
 */
export async function runStreamProjection(
  options: StreamProjectionRunnerOptions,
): Promise<RunningStreamProjection> {
  const { pool, schema, nats, projection } = options;
  const logger = options.logger ?? silentLogger;
  const from = await inTransaction(pool, (tx) => readStreamCheckpoint(tx, schema, projection.name));
  const consumer = await jetstream(nats).consumers.get(streamName(projection.source.service), {
    filter_subjects: projection.source.filterSubject, // a string: NATS 2.9 knows only `filter_subject`
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: from + 1,
  });
  const messages: ConsumerMessages = await consumer.consume({ max_messages: 256 });
  let running = true;
  const checkpointLagMs = options.checkpointLagMs ?? CHECKPOINT_LAG_MS;
  let checkpointWrittenAt = performance.now();
  /** The checkpoint as this instance last saw it committed; undefined after another moved it. */
  let checkpoint: number | undefined = from;
  const loop = (async () => {
    for await (const batch of inBatches(messages, MAX_BATCH)) {
      const events = batch.flatMap(
        (message) => toStreamEvent(message, logger, { projection: projection.name }) ?? [],
      );
      if (events.length === 0) continue;
      if (!foldsAny(projection, events) && performance.now() - checkpointWrittenAt < checkpointLagMs) {
        continue;
      }
      for (let attempt = 1; running; attempt++) {
        try {
          checkpoint = await applyLive(options, events, logger, checkpoint);
          checkpointWrittenAt = performance.now();
          break;
        } catch (error) {
          logger.warn(
            { err: error, seq: events[0]!.seq, projection: projection.name, attempt },
            'stream projection failed; retrying',
          );
          await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 1000));
        }
      }
    }
  })();
  return {
    async stop() {
      running = false;
      await messages.close();
      await loop;
    },
  };
}

function foldsAny(projection: StreamProjection, events: readonly StreamEvent[]): boolean {
  const { folds } = projection;
  return folds === undefined || events.some(({ event }) => folds.includes(event.type));
}

/**
 * Applies the batch and moves the checkpoint in one transaction; returns the checkpoint it committed,
 * or undefined when another instance got there first. When the checkpoint is where this instance
 * left it (one instance: always), the move is conditional on that and the checkpoint is not read
 * first: one round trip less per batch. Otherwise, or when that fails, it is read and only the events
 * after it are applied (a real failure, the database down say, fails that way too and is retried).
 */
async function applyLive(
  options: StreamProjectionRunnerOptions,
  batch: readonly StreamEvent[],
  logger: Logger,
  expected: number | undefined,
): Promise<number | undefined> {
  const { pool, schema, projection } = options;
  const last = batch.at(-1)!.seq;
  if (expected !== undefined && expected < batch[0]!.seq) {
    const moved = await inTransaction(pool, async (tx) => {
      await applyStreamEvents(tx, projection, batch, liveTables(schema, projection), logger);
      if (!(await moveStreamCheckpoint(tx, schema, projection.name, expected, last)))
        throw new AppliedMeanwhile();
      return true;
    }).catch(() => false); // moved meanwhile, or the rows clashed with another instance's: read it
    if (moved) return last;
  }
  return inTransaction(pool, async (tx) => {
    // Applied already, wholly or in part: by another instance, or by a rebuild that got ahead.
    const checkpoint = await readStreamCheckpoint(tx, schema, projection.name);
    const unapplied = batch.filter((message) => message.seq > checkpoint);
    if (unapplied.length === 0) return checkpoint;
    await applyStreamEvents(tx, projection, unapplied, liveTables(schema, projection), logger);
    if (!(await advanceStreamCheckpoint(tx, schema, projection.name, last))) throw new AppliedMeanwhile();
    return last;
  }).catch((error: unknown) => {
    if (!(error instanceof AppliedMeanwhile)) throw error;
    return undefined;
  });
}

/** Another instance committed the same event first: this transaction rolls back. */
class AppliedMeanwhile extends Error {}
