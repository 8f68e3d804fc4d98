import { PreconditionFailedError, type Decider, type DomainEvent, type EventMetadata } from '@omni/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConcurrencyError } from './errors.js';
import type { EventStore } from './store.js';
import type { AppendToStream, StoredEvent, StreamId, Tx } from './types.js';

type Evolver<S, E> = Pick<Decider<unknown, E, S, unknown>, 'initialState' | 'evolve' | 'snapshotKey'>;

/** A stream's state is saved with the events every this many versions (for deciders that opt in). */
export const SNAPSHOT_EVERY = 50;

/** What a command handler can do inside its transaction. */
export interface CommandSession {
  readonly tx: Tx;
  /** Folds the stream into state; `version` is what to expect when appending to it. */
  load<S, E extends DomainEvent>(
    streamId: StreamId,
    decider: Evolver<S, E>,
  ): Promise<{ state: S; version: number }>;
  append(streams: readonly AppendToStream[]): Promise<StoredEvent[]>;
}

export interface RunCommandOptions {
  /** Attempts in all when the streams change underneath (ConcurrencyError). */
  readonly maxAttempts?: number;
}

/**
 * A command that carries an idempotency key: `streamId` of the first run when the key was seen
 * before (nothing is decided again), otherwise runs it and records the key with its events.
 */
export async function onceByKey<T>(
  session: CommandSession,
  store: EventStore,
  key: string | undefined,
  run: () => Promise<{ result: T; streamId: StreamId }>,
): Promise<{ result: T | undefined; streamId: StreamId; replayed: boolean }> {
  if (key === undefined) return { ...(await run()), replayed: false };
  const { rows } = await session.tx.query<{ stream_id: string }>(
    `SELECT stream_id FROM ${store.schema}.command_keys WHERE key = $1`,
    [key],
  );
  if (rows[0]) return { result: undefined, streamId: rows[0].stream_id, replayed: true };
  const outcome = await run();
  try {
    await session.tx.query(`INSERT INTO ${store.schema}.command_keys (key, stream_id) VALUES ($1, $2)`, [
      key,
      outcome.streamId,
    ]);
  } catch (error) {
    // The same key committed meanwhile by a concurrent retry: start over and find it recorded.
    if ((error as { code?: string }).code === '23505')
      throw new ConcurrencyError(outcome.streamId, -1, undefined, { cause: error });
    throw error;
  }
  return { ...outcome, replayed: false };
}

/**
 * Runs `work` in one transaction (load → decide → append + inline read models) and runs it again
 * from the start when another writer got there first, a bounded number of times.
 */
export async function runCommand<T>(
  store: EventStore,
  work: (session: CommandSession) => Promise<T>,
  { maxAttempts = 5 }: RunCommandOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.transaction((tx) => work(sessionOf(store, tx)));
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= maxAttempts) throw error;
      await sleep(Math.random() * 5 * attempt); // jitter: contenders should not collide again in lockstep
    }
  }
}

function sessionOf(store: EventStore, tx: Tx): CommandSession {
  return {
    tx,
    async load<S, E extends DomainEvent>(streamId: StreamId, decider: Evolver<S, E>) {
      const snapshot = decider.snapshotKey
        ? await readSnapshot<S>(store, tx, streamId, decider.snapshotKey)
        : undefined;
      const events = await store.readStream(streamId, { tx, afterVersion: snapshot?.version ?? 0 });
      const state = events.reduce(
        (s, e) => decider.evolve(s, { type: e.eventType, data: e.data } as unknown as E),
        snapshot?.state ?? decider.initialState,
      );
      if (events.length === 0 && snapshot) return { state, version: snapshot.version };
      return { state, version: events.length === 0 ? 0 : events[events.length - 1]!.streamVersion };
    },
    append: (streams) => store.append(tx, streams),
  };
}

export interface ExecuteCommandOptions<C, E extends DomainEvent, S> {
  readonly streamId: StreamId;
  readonly decider: Decider<C, E, S, unknown>;
  readonly command: C;
  readonly metadata: EventMetadata;
  /** From HTTP If-Match: refuse with 412 unless the stream is at exactly this version. */
  readonly expectedVersion?: number;
  /** Inline read models, written in the command's transaction. */
  readonly project?: (tx: Tx, events: StoredEvent[]) => Promise<void>;
  readonly maxAttempts?: number;
  /** See `onceByKey`: a repeated key decides nothing and reports `replayed`. */
  readonly idempotencyKey?: string;
}

/** The common case: one command on one stream. A refusal from `decide` is thrown as it is. */
export async function executeCommand<C, E extends DomainEvent, S>(
  store: EventStore,
  options: ExecuteCommandOptions<C, E, S>,
): Promise<{ events: StoredEvent[]; state: S; version: number; replayed: boolean; streamId: StreamId }> {
  const { streamId, decider, command, metadata, expectedVersion, project, idempotencyKey } = options;
  return runCommand(
    store,
    async (session) => {
      const once = await onceByKey(session, store, idempotencyKey, async () => ({
        streamId,
        result: await decideAndAppend(session, store, {
          streamId,
          decider,
          command,
          metadata,
          expectedVersion,
          project,
        }),
      }));
      if (once.result) return { ...once.result, replayed: false, streamId };
      // Seen before: report the stream the first run wrote to (a new id may have been drawn since).
      const { state, version } = await session.load(once.streamId, decider);
      return { events: [], state, version, replayed: true, streamId: once.streamId };
    },
    options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts },
  );
}

async function decideAndAppend<C, E extends DomainEvent, S>(
  session: CommandSession,
  store: EventStore,
  options: Pick<
    ExecuteCommandOptions<C, E, S>,
    'streamId' | 'decider' | 'command' | 'metadata' | 'expectedVersion' | 'project'
  >,
) {
  const { streamId, decider, command, metadata, expectedVersion, project } = options;
  const { state, version } = await session.load(streamId, decider);
  if (expectedVersion !== undefined && expectedVersion !== version) {
    throw new PreconditionFailedError(`The resource is at version ${version}, not ${expectedVersion}`);
  }
  const decided = decider.decide(command, state);
  if (!Array.isArray(decided)) throw decided;
  const newEvents = (decided as readonly E[]).map((e) => ({ type: e.type, data: e.data, metadata }));
  const events = await session.append([{ streamId, expectedVersion: version, events: newEvents }]);
  await project?.(session.tx, events);
  const next = (decided as readonly E[]).reduce(decider.evolve, state);
  const nextVersion = version + events.length;
  if (
    decider.snapshotKey &&
    Math.floor(nextVersion / SNAPSHOT_EVERY) > Math.floor(version / SNAPSHOT_EVERY)
  ) {
    await writeSnapshot(store, session.tx, streamId, decider.snapshotKey, nextVersion, next);
  }
  return { events, state: next, version: nextVersion };
}

async function readSnapshot<S>(store: EventStore, tx: Tx, streamId: StreamId, key: string) {
  const { rows } = await tx.query<{ version: number; state: S }>(
    `SELECT version, state FROM ${store.schema}.snapshots WHERE stream_id = $1 AND snapshot_key = $2`,
    [streamId, key],
  );
  return rows[0];
}

/** In the command's transaction: a snapshot never claims a version whose events did not commit. */
async function writeSnapshot(
  store: EventStore,
  tx: Tx,
  streamId: StreamId,
  key: string,
  version: number,
  state: unknown,
) {
  await tx.query(
    `INSERT INTO ${store.schema}.snapshots (stream_id, snapshot_key, version, state) VALUES ($1, $2, $3, $4)
     ON CONFLICT (stream_id) DO UPDATE SET snapshot_key = excluded.snapshot_key, version = excluded.version, state = excluded.state`,
    [streamId, key, version, JSON.stringify(state)],
  );
}
