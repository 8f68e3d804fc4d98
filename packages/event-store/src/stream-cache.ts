import type { Decider, DomainEvent, EventMetadata } from '@omni/contracts';
import type { CommandSession, Loaded } from './command-processor.js';
import { prepared } from './prepared.js';
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

/** A stream's folded state as of a committed version, kept between batches. */
interface Folded {
  readonly evolver: Evolver<unknown, DomainEvent>;
  readonly state: unknown;
  readonly version: number;
}

/**
 * Folded states of recently used streams, kept across batches so a batch reads only the events
 * committed after them (by another replica, say) instead of the whole stream. Bounded, least recently
 * used first out. States are immutable: deciders' `evolve` returns new states.
 */
export class FoldedStates {
  private readonly states = new Map<StreamId, Folded>();

  constructor(private readonly capacity = 10_000) {}

  get(streamId: StreamId): Folded | undefined {
    const folded = this.states.get(streamId);
    if (folded) {
      this.states.delete(streamId);
      this.states.set(streamId, folded);
    }
    return folded;
  }

  set(streamId: StreamId, folded: Folded): void {
    this.states.delete(streamId);
    this.states.set(streamId, folded);
    if (this.states.size > this.capacity) this.states.delete(this.states.keys().next().value!);
  }
}

/** One stream as a batch knows it: what is committed, and what the batch's kept commands added. */
interface CachedStream {
  /** The committed version: what the batch's append expects. */
  readonly committedVersion: number;
  /** Where `events` start from: a state folded earlier, a snapshot, or nothing (the first event). */
  readonly base:
    | { readonly kind: 'folded'; readonly folded: Folded }
    | { readonly kind: 'snapshot'; readonly snapshot: Snapshot }
    | undefined;
  /** Committed events after the base. */
  readonly events: readonly RawEvent[];
  folded?: Folded;
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
    private readonly known: FoldedStates = new FoldedStates(0),
  ) {}

  /**
   * Locks the streams (in one order everywhere, so two processes cannot deadlock), then reads in one
   * statement what is needed to fold them (the events after a state folded earlier, else a snapshot
   * and the events after it) and which of `idempotencyKeys` commands already ran under: the key and
   * the stream of its first run.
   */
  async lockAndPreload(
    streamIds: readonly StreamId[],
    idempotencyKeys: readonly string[] = [],
  ): Promise<Map<string, StreamId>> {
    const ids = [...new Set(streamIds)].filter((id) => !this.streams.has(id));
    if (ids.length === 0 && idempotencyKeys.length === 0) return new Map();
    if (ids.length > 0) await this.lock(ids);
    const folded = ids.map((id) => this.known.get(id));
    const { rows } = await this.tx.query<{
      kind: 's' | 'e' | 'k';
      stream_id: string;
      version: number;
      type: string;
      data: object;
    }>(
      // Each stream's events are read from its last known version on, a range of the (stream_id,
      // stream_version) index; `OFFSET 0` keeps the planner from flattening the LATERAL into a join
      // that filters every event of the stream (a sequential scan of the log on small tables).
      prepared(
        `WITH wanted AS (SELECT * FROM unnest($1::text[], $2::int[]) AS w(stream_id, known_version)),
              snapshot AS (SELECT s.* FROM ${this.store.schema}.snapshots s JOIN wanted w USING (stream_id)
                            WHERE w.known_version < 0),
              since AS (SELECT w.stream_id,
                               CASE WHEN w.known_version >= 0 THEN w.known_version ELSE coalesce(s.version, 0) END AS after
                          FROM wanted w LEFT JOIN snapshot s USING (stream_id))
         SELECT 's' AS kind, stream_id, version, snapshot_key AS type, state AS data FROM snapshot
         UNION ALL
         SELECT 'e', e.stream_id, e.stream_version, e.event_type, e.data
           FROM since w CROSS JOIN LATERAL (
                  SELECT * FROM ${this.store.schema}.events e
                   WHERE e.stream_id = w.stream_id AND e.stream_version > w.after OFFSET 0) e
         UNION ALL
         SELECT 'k', stream_id, 0, key, NULL FROM ${this.store.schema}.command_keys WHERE key = ANY($3::text[])
         ORDER BY version`,
        [ids, folded.map((f) => f?.version ?? -1), idempotencyKeys],
      ),
    );
    ids.forEach((id, i) => {
      const own = rows.filter((r) => r.stream_id === id && r.kind !== 'k');
      const snapshotRow = own.find((r) => r.kind === 's');
      const events = own.filter((r) => r.kind === 'e');
      const base = folded[i]
        ? ({ kind: 'folded', folded: folded[i] } as const)
        : snapshotRow
          ? ({
              kind: 'snapshot',
              snapshot: { key: snapshotRow.type, version: snapshotRow.version, state: snapshotRow.data },
            } as const)
          : undefined;
      const baseVersion = base?.kind === 'folded' ? base.folded.version : (base?.snapshot.version ?? 0);
      this.streams.set(id, {
        committedVersion: events.length > 0 ? events[events.length - 1]!.version : baseVersion,
        base,
        events: events.map((e) => ({ type: e.type, data: e.data })),
        pending: [],
      });
    });
    return new Map(rows.filter((r) => r.kind === 'k').map((r) => [r.type, r.stream_id]));
  }

  private async lock(ids: readonly StreamId[]): Promise<void> {
    await this.tx.query(
      prepared(
        `SELECT pg_advisory_xact_lock(h)
           FROM (SELECT DISTINCT hashtextextended($2 || ':' || s, 0) AS h FROM unnest($1::text[]) s ORDER BY h) AS ordered`,
        [ids, this.store.schema],
      ),
    );
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
      const { state, events } = await this.startOf(streamId, cached, evolver);
      cached.folded = {
        evolver: evolver as Evolver<unknown, DomainEvent>,
        state: events.reduce((s, e) => evolver.evolve(s, e as E), state),
        version: cached.committedVersion,
      };
    }
    return { state: cached.folded.state as S, version: cached.folded.version };
  }

  /** The state to fold the stream's remaining events onto, and those events. */
  private async startOf<S>(streamId: StreamId, cached: CachedStream, evolver: Evolver<S, DomainEvent>) {
    const { base } = cached;
    if (base?.kind === 'folded' && base.folded.evolver === evolver) {
      return { state: base.folded.state as S, events: cached.events };
    }
    if (base?.kind === 'snapshot' && base.snapshot.key === evolver.snapshotKey) {
      return { state: base.snapshot.state as S, events: cached.events };
    }
    if (base === undefined) return { state: evolver.initialState, events: cached.events };
    // Folded by another decider, or a snapshot of another shape: fold from the first event instead.
    return { state: evolver.initialState, events: await this.readWhole(streamId) };
  }

  /** After the batch committed: its streams' states are the ones the next batch starts from. */
  remember(): void {
    for (const [streamId, cached] of this.streams) if (cached.folded) this.known.set(streamId, cached.folded);
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
