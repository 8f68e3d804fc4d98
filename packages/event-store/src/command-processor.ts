import { isOmniError, UnavailableError, type DomainEvent, type EventMetadata } from '@omni/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConcurrencyError } from './errors.js';
import type { EventStore } from './store.js';
import { FoldedStates, StreamCache, type Evolver } from './stream-cache.js';
import type { NewEvent, StoredEvent, StreamId, Tx } from './types.js';

/**
 * One command as the processor runs it. `run` loads streams, decides and appends through the session;
 * it refuses by throwing an OmniError, which discards everything it wrote and refuses only it.
 */
export interface Command<T> {
  /**
   * The streams it reads and writes, first the one it is about: the processor orders commands per
   * stream, locks and preloads these. It may load others while it runs (they are locked on first load).
   */
  readonly streams: readonly StreamId[];
  /**
   * State it reads outside its streams (e.g. a read model row it locks): commands sharing such a key
   * never share a transaction, since a batch's read models are written only when it commits.
   */
  readonly exclusive?: readonly string[];
  /** A repeated key runs nothing and answers `replayed` with the first run's stream. */
  readonly idempotencyKey?: string | undefined;
  /** Correlation, causation, trace and actor of every event it appends. */
  readonly metadata: EventMetadata;
  run(session: CommandSession): Promise<T>;
}

export type CommandOutcome<T> =
  { readonly replayed: false; readonly result: T } | { readonly replayed: true; readonly streamId: StreamId };

/** What a command can do inside the transaction it shares with its batch neighbours. */
export interface CommandSession {
  /** For reads a decision needs (another read model, a lookup). Writes belong in `append`/`claim`. */
  readonly tx: Tx;
  /** The stream's state after everything committed and everything decided before in this batch. */
  load<S, E extends DomainEvent>(streamId: StreamId, decider: Evolver<S, E>): Promise<Loaded<S>>;
  /** Records events to append when the batch commits; `load` sees them at once. */
  append<E extends DomainEvent>(streamId: StreamId, events: readonly E[]): void;
  /**
   * Claims a key unique across streams (a SKU, a code): false when another owner has it. Undone if
   * the command is refused afterwards.
   */
  claim(kind: string, key: string, ownerId: string): Promise<boolean>;
}

export interface Loaded<S> {
  readonly state: S;
  /** The stream's version including this batch's earlier events; 0 = the stream does not exist. */
  readonly version: number;
}

export interface CommandProcessorOptions {
  readonly store: EventStore;
  /** Inline read models, written with every batch's events in its transaction. */
  readonly project?: (tx: Tx, events: readonly StoredEvent[]) => Promise<void>;
  /** The most commands one transaction carries. */
  readonly maxBatchSize?: number;
  /** Transactions in flight at once; commands on one stream never run in two of them. */
  readonly concurrency?: number;
  /** Records how long each batch took (metrics). */
  readonly onBatch?: (size: number, seconds: number) => void;
}

export interface CommandProcessor {
  execute<T>(command: Command<T>): Promise<CommandOutcome<T>>;
}

interface Queued {
  readonly command: Command<unknown>;
  resolve(outcome: CommandOutcome<unknown>): void;
  reject(error: unknown): void;
}

/**
 * Runs a service's commands: in arrival order per stream, several in one transaction (group commit),
 * each with its own outcome. Commands that arrive while a transaction runs wait for the next one, so
 * a lone command never waits for a batching window. Across processes, each stream is guarded by a
 * transaction-scoped advisory lock taken before it is read, and the append's expected versions stay
 * as the safety net. Why: docs/adr/0006-command-processor.md.
 */
export function createCommandProcessor(options: CommandProcessorOptions): CommandProcessor {
  const { maxBatchSize = 64, concurrency = 2 } = options;
  const queue: Queued[] = [];
  const known = new FoldedStates();
  const busyStreams = new Set<string>();
  let running = 0;

  function pump(): void {
    while (running < concurrency && queue.length > 0) {
      const batch = takeBatch(queue, busyStreams, maxBatchSize);
      if (batch.length === 0) return;
      const streams = new Set(batch.flatMap((q) => keysOf(q.command)));
      for (const s of streams) busyStreams.add(s);
      running++;
      void runBatch(options, known, batch).finally(() => {
        for (const s of streams) busyStreams.delete(s);
        running--;
        pump();
      });
    }
  }

  return {
    execute<T>(command: Command<T>) {
      return new Promise<CommandOutcome<T>>((resolve, reject) => {
        queue.push({ command, resolve: resolve as Queued['resolve'], reject });
        pump();
      });
    },
  };
}

/**
 * The queued commands that may run now, in order: a command waits while one of its streams is in a
 * running transaction or held by an earlier waiting command, so each stream keeps arrival order.
 */
function takeBatch(queue: Queued[], busy: ReadonlySet<string>, max: number): Queued[] {
  const held = new Set(busy);
  const takenExclusive = new Set<string>();
  const taken: Queued[] = [];
  for (let i = 0; i < queue.length && taken.length < max;) {
    const { command } = queue[i]!;
    const keys = keysOf(command);
    if (keys.some((k) => held.has(k)) || command.exclusive?.some((k) => takenExclusive.has(k))) {
      for (const k of keys) held.add(k);
      i++;
    } else {
      for (const k of command.exclusive ?? []) takenExclusive.add(k);
      taken.push(queue.splice(i, 1)[0]!);
    }
  }
  return taken;
}

/** What orders a command against others: its streams and its exclusive keys. */
function keysOf(command: Command<unknown>): readonly string[] {
  return command.exclusive ? [...command.streams, ...command.exclusive] : command.streams;
}

/** How often a batch is run again when another process changed its streams or keys meanwhile. */
const MAX_BATCH_ATTEMPTS = 20;

async function runBatch(
  options: CommandProcessorOptions,
  known: FoldedStates,
  batch: Queued[],
): Promise<void> {
  let pending = batch;
  for (let attempt = 1; pending.length > 0; attempt++) {
    const started = performance.now();
    try {
      const settled = await runOnce(options, known, pending);
      options.onBatch?.(pending.length, (performance.now() - started) / 1000);
      for (const [queued, outcome] of settled) {
        if ('error' in outcome) queued.reject(outcome.error);
        else queued.resolve(outcome.outcome);
      }
      return;
    } catch (error) {
      if (error instanceof CommandFailed) {
        // Its own statement failed and took the transaction with it: refuse it, run the others again.
        error.queued.reject(error.cause);
        pending = pending.filter((q) => q !== error.queued);
      } else if (isRetryable(error) && attempt < MAX_BATCH_ATTEMPTS) {
        await sleep(Math.random() * 2 * attempt); // another process got there first: let it finish
      } else {
        const refusal = isRetryable(error)
          ? new UnavailableError('Too many concurrent changes; try again', { cause: error })
          : error;
        for (const queued of pending) queued.reject(refusal);
        return;
      }
    }
  }
}

class CommandFailed extends Error {
  constructor(
    readonly queued: Queued,
    cause: unknown,
  ) {
    super('a command failed inside its batch', { cause });
  }
}

/** Conflicts with another process (a stale version, a key or claim committed meanwhile, a deadlock). */
function isRetryable(error: unknown): boolean {
  if (error instanceof ConcurrencyError) return true;
  const code = (error as { code?: string }).code;
  return code === '40P01' || code === '40001' || code === '23505';
}

type Settlement = { outcome: CommandOutcome<unknown> } | { error: unknown };

async function runOnce(
  { store, project }: CommandProcessorOptions,
  known: FoldedStates,
  batch: readonly Queued[],
): Promise<Map<Queued, Settlement>> {
  let cache: StreamCache | undefined;
  const settled = await store.transaction(async (tx) => {
    cache = new StreamCache(store, tx, known);
    const seenKeys = await cache.lockAndPreload(
      batch.flatMap((q) => q.command.streams),
      batch.flatMap((q) => (q.command.idempotencyKey === undefined ? [] : [q.command.idempotencyKey])),
    );
    const settled = new Map<Queued, Settlement>();
    const newKeys: { key: string; streamId: StreamId }[] = [];
    for (const queued of batch) {
      const { command } = queued;
      const key = command.idempotencyKey;
      const firstRun = key === undefined ? undefined : seenKeys.get(key);
      if (firstRun !== undefined) {
        settled.set(queued, { outcome: { replayed: true, streamId: firstRun } });
        continue;
      }
      const work = cache.begin(command.metadata);
      try {
        const result = await command.run(work.session);
        work.keep();
        settled.set(queued, { outcome: { replayed: false, result } });
        if (key !== undefined) {
          seenKeys.set(key, command.streams[0]!);
          newKeys.push({ key, streamId: command.streams[0]! });
        }
      } catch (error) {
        if (!isOmniError(error)) throw new CommandFailed(queued, error);
        await work.discard();
        settled.set(queued, { error });
      }
    }
    const events = await cache.flush();
    if (events.length > 0) await project?.(tx, events);
    await recordKeys(store, tx, newKeys);
    return settled;
  });
  cache!.remember(); // only once committed: a rolled-back batch's states never existed
  return settled;
}

async function recordKeys(store: EventStore, tx: Tx, keys: readonly { key: string; streamId: StreamId }[]) {
  if (keys.length === 0) return;
  await tx.query(
    `INSERT INTO ${store.schema}.command_keys (key, stream_id) SELECT * FROM unnest($1::text[], $2::text[])`,
    [keys.map((k) => k.key), keys.map((k) => k.streamId)],
  );
}

export type { NewEvent };
