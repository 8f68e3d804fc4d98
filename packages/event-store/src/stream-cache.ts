import type { Decider, DomainEvent, EventMetadata } from '@omni/contracts';
import type { CommandSession, Loaded } from './command-processor.js';
import type { EventStore } from './store.js';
import type { NewEvent, StoredEvent, StreamId, Tx } from './types.js';

/** What folding a stream needs from its decider. */
export type Evolver<S, E> = Pick<Decider<unknown, E, S, unknown>, 'initialState' | 'evolve' | 'snapshotKey'>;

/** A stream's state is saved with the events every this many versions (for deciders that opt in). */
export const SNAPSHOT_EVERY = 50;

interface RawEvent {
  readonly type: string;
  readonly data: object;
}
interface Snapshot {
  readonly key: string;
  readonly version: number;
  readonly state: unknown;
}

/** One stream as a batch knows it: what is committed, and what the batch's kept commands added. */
interface CachedStream {
  /** The committed version: what the batch's append expects. */
  readonly committedVersion: number;
  readonly snapshot: Snapshot | undefined;
  /** Committed events after the snapshot (or all of them). */
  readonly events: readonly RawEvent[];
  folded?: { evolver: Evolver<unknown, DomainEvent>; state: unknown; version: number };
  readonly pending: NewEvent[];
}

/** A command's own view while it runs: its loads, appends and claims, kept or discarded as one. */
export interface CommandWork {
  readonly session: CommandSession;
  keep(): void;
  discard(): Promise<void>;
}

/**
 * The streams of one batch inside its transaction: each locked and read once, folded once, then
 * decided on by every command of the batch in turn, and appended once at the end.
 */
export class StreamCache {
  private readonly streams = new Map<StreamId, CachedStream>();

  constructor(
    private readonly store: EventStore,
    private readonly tx: Tx,
  ) {}

  /** Locks the streams (in one order everywhere, so two processes cannot deadlock) and reads them. */
  async lockAndPreload(streamIds: readonly StreamId[]): Promise<void> {
    const ids = [...new Set(streamIds)].filter((id) => !this.streams.has(id));
    if (ids.length === 0) return;
    await this.tx.query(
      `SELECT pg_advisory_xact_lock(h)
         FROM (SELECT DISTINCT hashtextextended($2 || ':' || s, 0) AS h FROM unnest($1::text[]) s ORDER BY h) AS ordered`,
      [ids, this.store.schema],
    );
    const { rows: snapshots } = await this.tx.query<{
      stream_id: string;
      snapshot_key: string;
      version: number;
      state: unknown;
    }>(
      `SELECT stream_id, snapshot_key, version, state FROM ${this.store.schema}.snapshots WHERE stream_id = ANY($1)`,
      [ids],
    );
    const { rows: events } = await this.tx.query<{
      stream_id: string;
      stream_version: number;
      event_type: string;
      data: object;
    }>(
      `SELECT e.stream_id, e.stream_version, e.event_type, e.data FROM ${this.store.schema}.events e
        WHERE e.stream_id = ANY($1)
          AND e.stream_version > coalesce((SELECT s.version FROM ${this.store.schema}.snapshots s WHERE s.stream_id = e.stream_id), 0)
        ORDER BY e.stream_id, e.stream_version`,
      [ids],
    );
    for (const id of ids) {
      const row = snapshots.find((s) => s.stream_id === id);
      const snapshot = row && { key: row.snapshot_key, version: row.version, state: row.state };
      const own = events.filter((e) => e.stream_id === id);
      const committedVersion =
        own.length > 0 ? own[own.length - 1]!.stream_version : (snapshot?.version ?? 0);
      this.streams.set(id, {
        committedVersion,
        snapshot,
        events: own.map((e) => ({ type: e.event_type, data: e.data })),
        pending: [],
      });
    }
  }

  /** A command starts: it sees everything kept so far and nothing of its own until it is kept. */
  begin(metadata: EventMetadata): CommandWork {
    const own = new Map<StreamId, { state: unknown; version: number; events: NewEvent[] }>();
    const claims: { kind: string; key: string }[] = [];
    const session: CommandSession = {
      tx: this.tx,
      load: async <S, E extends DomainEvent>(
        streamId: StreamId,
        decider: Evolver<S, E>,
      ): Promise<Loaded<S>> => {
        const mine = own.get(streamId);
        if (mine) return { state: mine.state as S, version: mine.version };
        const base = await this.fold(streamId, decider);
        own.set(streamId, { state: base.state, version: base.version, events: [] });
        return base;
      },
      append: (streamId, events) => {
        const mine = own.get(streamId);
        if (!mine) throw new Error(`append to ${streamId} before loading it`);
        const evolver = this.streams.get(streamId)!.folded!.evolver;
        mine.state = events.reduce((s, e) => evolver.evolve(s, e), mine.state);
        mine.version += events.length;
        for (const e of events) mine.events.push({ type: e.type, data: e.data, metadata });
      },
      claim: async (kind, key, ownerId) => {
        const { rowCount } = await this.tx.query(
          `INSERT INTO ${this.store.schema}.unique_keys (kind, key, owner_id) VALUES ($1, lower($2), $3)
           ON CONFLICT DO NOTHING`,
          [kind, key, ownerId],
        );
        if (rowCount === 1) claims.push({ kind, key });
        return rowCount === 1;
      },
    };
    return {
      session,
      keep: () => {
        for (const [streamId, mine] of own) {
          const cached = this.streams.get(streamId)!;
          cached.folded = { ...cached.folded!, state: mine.state, version: mine.version };
          cached.pending.push(...mine.events);
        }
      },
      discard: async () => {
        if (claims.length === 0) return;
        await this.tx.query(
          `DELETE FROM ${this.store.schema}.unique_keys k USING unnest($1::text[], $2::text[]) AS c(kind, key)
            WHERE k.kind = c.kind AND k.key = lower(c.key)`,
          [claims.map((c) => c.kind), claims.map((c) => c.key)],
        );
      },
    };
  }

  /** Appends every kept event of the batch in one statement and saves the snapshots that are due. */
  async flush(): Promise<StoredEvent[]> {
    const appends = [...this.streams]
      .filter(([, s]) => s.pending.length > 0)
      .map(([streamId, s]) => ({ streamId, expectedVersion: s.committedVersion, events: s.pending }));
    if (appends.length === 0) return [];
    const stored = await this.store.append(this.tx, appends);
    for (const { streamId, expectedVersion } of appends) {
      const { folded } = this.streams.get(streamId)!;
      const key = folded!.evolver.snapshotKey;
      if (
        key &&
        Math.floor(folded!.version / SNAPSHOT_EVERY) > Math.floor(expectedVersion / SNAPSHOT_EVERY)
      ) {
        await this.writeSnapshot(streamId, key, folded!.version, folded!.state);
      }
    }
    return stored;
  }

  private async fold<S, E extends DomainEvent>(
    streamId: StreamId,
    evolver: Evolver<S, E>,
  ): Promise<Loaded<S>> {
    await this.lockAndPreload([streamId]);
    const cached = this.streams.get(streamId)!;
    if (!cached.folded) {
      const usable =
        cached.snapshot && cached.snapshot.key === evolver.snapshotKey ? cached.snapshot : undefined;
      const events = cached.snapshot && !usable ? await this.readWhole(streamId) : cached.events;
      const state = events.reduce(
        (s, e) => evolver.evolve(s, e as E),
        (usable?.state as S) ?? evolver.initialState,
      );
      cached.folded = {
        evolver: evolver as Evolver<unknown, DomainEvent>,
        state,
        version: cached.committedVersion,
      };
    }
    return { state: cached.folded.state as S, version: cached.folded.version };
  }

  /** A snapshot of another shape (or none wanted): fold from the first event instead. */
  private async readWhole(streamId: StreamId): Promise<RawEvent[]> {
    const events = await this.store.readStream(streamId, { tx: this.tx });
    return events.map((e) => ({ type: e.eventType, data: e.data }));
  }

  /** In the command's transaction: a snapshot never claims a version whose events did not commit. */
  private async writeSnapshot(streamId: StreamId, key: string, version: number, state: unknown) {
    await this.tx.query(
      `INSERT INTO ${this.store.schema}.snapshots (stream_id, snapshot_key, version, state) VALUES ($1, $2, $3, $4)
       ON CONFLICT (stream_id) DO UPDATE SET snapshot_key = excluded.snapshot_key, version = excluded.version, state = excluded.state`,
      [streamId, key, version, JSON.stringify(state)],
    );
  }
}
