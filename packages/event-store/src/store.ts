import { ConflictError, newId } from '@omni/contracts';
import type { Pool } from 'pg';
import { ConcurrencyError } from './errors.js';
import { VISIBILITY_HORIZON } from './horizon.js';
import { assertIdentifier, eventsChannel } from './migrate.js';
import { prepared } from './prepared.js';
import type { AppendToStream, Position, StoredEvent, StreamId, Tx } from './types.js';

export interface EventStore {
  readonly schema: string;
  readonly service: string;
  readonly pool: Pool;
  /**
   * Runs `work` in one transaction: committed when it returns, rolled back when it throws. After a
   * commit that appended, the service's relay is notified (`<schema>_events`); appends in a
   * transaction managed elsewhere reach the relay through its poll instead.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Appends to one or several streams atomically, each at its expected version. */
  append(tx: Tx, streams: readonly AppendToStream[]): Promise<StoredEvent[]>;
  readStream(streamId: StreamId, options?: { tx?: Tx; afterVersion?: number }): Promise<StoredEvent[]>;
  /**
   * Every committed event after `after`, in commit-safe order (see ARCHITECTURE §4). With
   * `allCommitted`, also events committed behind a transaction that is still running: only safe while
   * every writer that could commit behind the result is blocked (a projection swap holds their locks).
   */
  readAll(
    after: Position,
    options?: { limit?: number; tx?: Tx; allCommitted?: boolean },
  ): Promise<StoredEvent[]>;
  /**
   * What a relay publishes next: the committed events after `after` (up to `limit`), and how many of
   * them, from the first, are final: of transactions older than every one still running in this
   * database (horizon.ts), so nothing can commit before them any more. The others were committed
   * behind a running transaction. One statement, so the horizon and the events share a snapshot.
   */
  readCommitted(
    after: Position,
    options?: { limit?: number },
  ): Promise<{ events: StoredEvent[]; final: number }>;
  positionOf(event: StoredEvent): Position;
}

export interface EventStoreOptions {
  readonly pool: Pool;
  /** The service's PostgreSQL schema, which holds its `events` table. */
  readonly schema: string;
  /** The service name events are published under (`<service>.<aggregate>.<id>.<event>`). */
  readonly service: string;
}

interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  event_type: string;
  data: Record<string, unknown>;
  metadata: StoredEvent['metadata'];
  recorded_at: Date;
}

const COLUMNS = `global_position, transaction_id::text AS transaction_id, stream_id, stream_version, event_id,
  event_type, data, metadata, recorded_at`;

export function createEventStore({ pool, schema, service }: EventStoreOptions): EventStore {
  assertIdentifier(schema);
  const events = `${schema}.events`;
  const appendSql = appendStatement(events);
  const commitAndNotify = `COMMIT; NOTIFY ${eventsChannel(schema)}`;
  /** Transactions that appended: after their commit, the relay is woken. */
  const appended = new WeakSet<Tx>();

  /**
   * The committed events after `after` in commit-safe order, and how many of them, from the first,
   * are final: older than every transaction still running in this database (horizon.ts), so no later
   * commit can land before them. Final events come first, since the order is by transaction id.
   */
  async function readLog(db: Pick<Pool, 'query'>, after: Position, limit = 1000) {
    const { rows } = await db.query<EventRow & { final: boolean }>(
      prepared(
        // Ordered by the table's xid8 column, not the text it is selected as ('1000' < '999' as text):
        // a bare `transaction_id` in ORDER BY would name the selected text column.
        `SELECT ${COLUMNS}, e.transaction_id < ${VISIBILITY_HORIZON} AS final FROM ${events} e
          WHERE (e.transaction_id, e.global_position) > ($1::text::xid8, $2::bigint)
          ORDER BY e.transaction_id, e.global_position
          LIMIT $3`,
        [after.transactionId.toString(), after.globalPosition.toString(), limit],
      ),
    );
    const firstBehind = rows.findIndex((row) => !row.final);
    return { events: rows.map(toStoredEvent), final: firstBehind === -1 ? rows.length : firstBehind };
  }

  return {
    schema,
    service,
    pool,

    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(client);
        // The NOTIFY runs after the COMMIT on purpose (inside, it would serialise all committers); one
        // round trip for both.
        await client.query(appended.has(client) ? commitAndNotify : 'COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        appended.delete(client);
        client.release();
      }
    },

    async append(tx, streams) {
      const nonEmpty = streams.filter((s) => s.events.length > 0);
      if (nonEmpty.length === 0) return [];
      assertDistinct(nonEmpty);
      const rows = flatten(nonEmpty);
      let inserted: AppendedRow[];
      try {
        ({ rows: inserted } = await tx.query<AppendedRow>(
          prepared(appendSql, [
            nonEmpty.map((s) => s.streamId),
            nonEmpty.map((s) => (s.expectedVersion === 'any' ? -1 : s.expectedVersion)),
            rows.map((r) => r.streamId),
            rows.map((r) => r.offset),
            rows.map((r) => r.eventId),
            rows.map((r) => r.type),
            rows.map((r) => JSON.stringify(r.data)),
            rows.map((r) => JSON.stringify(r.metadata)),
          ]),
        ));
      } catch (error) {
        throw translateAppendError(error, nonEmpty);
      }
      if (inserted.length === 0) throw await versionMismatch(tx, events, nonEmpty);
      appended.add(tx);
      const byId = new Map(rows.map((r) => [r.eventId, r]));
      return inserted.map((row) => appendedEvent(row, byId.get(row.event_id)!));
    },

    async readStream(streamId, options = {}) {
      const { rows } = await (options.tx ?? pool).query<EventRow>(
        `SELECT ${COLUMNS} FROM ${events} WHERE stream_id = $1 AND stream_version > $2 ORDER BY stream_version`,
        [streamId, options.afterVersion ?? 0],
      );
      return rows.map(toStoredEvent);
    },

    async readAll(after, options = {}) {
      const { events, final } = await readLog(options.tx ?? pool, after, options.limit);
      return options.allCommitted ? events : events.slice(0, final);
    },

    readCommitted: (after, options = {}) => readLog(pool, after, options.limit),

    positionOf(event) {
      return { transactionId: event.transactionId, globalPosition: event.globalPosition };
    },
  };
}

/**
 * One statement per append, however many streams: it reads each stream's current version, refuses
 * all of it if one differs from the expected version, and numbers the new events after it.
 */
function appendStatement(events: string): string {
  return `
    WITH expected AS (
      SELECT s.stream_id, s.expected_version,
             coalesce((SELECT max(e.stream_version) FROM ${events} e WHERE e.stream_id = s.stream_id), 0) AS current_version
        FROM unnest($1::text[], $2::int[]) AS s(stream_id, expected_version)
    ), input AS (
      SELECT * FROM unnest($3::text[], $4::int[], $5::uuid[], $6::text[], $7::text[], $8::text[])
        WITH ORDINALITY AS i(stream_id, offset_in_stream, event_id, event_type, data, metadata, ord)
    )
    INSERT INTO ${events} (stream_id, stream_version, event_id, event_type, data, metadata)
    SELECT i.stream_id, x.current_version + i.offset_in_stream, i.event_id, i.event_type, i.data::jsonb, i.metadata::jsonb
      FROM input i JOIN expected x USING (stream_id)
     WHERE NOT EXISTS (SELECT 1 FROM expected WHERE expected_version >= 0 AND expected_version <> current_version)
     ORDER BY i.ord
    -- Data and metadata are not sent back: the caller has them already.
    RETURNING global_position, transaction_id::text AS transaction_id, stream_id, stream_version, event_id, recorded_at`;
}

function flatten(streams: readonly AppendToStream[]) {
  return streams.flatMap((s) =>
    s.events.map((e, index) => ({
      streamId: s.streamId,
      offset: index + 1,
      eventId: e.eventId ?? newId(),
      type: e.type,
      data: e.data,
      metadata: e.metadata,
    })),
  );
}

function assertDistinct(streams: readonly AppendToStream[]): void {
  const ids = new Set(streams.map((s) => s.streamId));
  if (ids.size !== streams.length) throw new RangeError('append: each stream may appear only once per call');
}

function translateAppendError(error: unknown, streams: readonly AppendToStream[]): unknown {
  const pgError = error as { code?: string; constraint?: string; detail?: string };
  if (pgError.code !== '23505') return error;
  if (pgError.detail?.includes('(event_id)')) {
    return new ConflictError('duplicate_event', 'An event with this id was already appended', {
      cause: error,
    });
  }
  const streamId =
    pgError.detail?.match(/\(stream_id, stream_version\)=\((.*), \d+\)/)?.[1] ?? streams[0]!.streamId;
  const stream = streams.find((s) => s.streamId === streamId) ?? streams[0]!;
  const expected = stream.expectedVersion === 'any' ? -1 : stream.expectedVersion;
  return new ConcurrencyError(stream.streamId, expected, undefined, { cause: error });
}

async function versionMismatch(
  tx: Tx,
  events: string,
  streams: readonly AppendToStream[],
): Promise<ConcurrencyError> {
  const { rows } = await tx.query<{ stream_id: string; version: number }>(
    `SELECT stream_id, max(stream_version) AS version FROM ${events} WHERE stream_id = ANY($1) GROUP BY stream_id`,
    [streams.map((s) => s.streamId)],
  );
  const actual = new Map(rows.map((r) => [r.stream_id, r.version]));
  const clash = streams.find(
    (s) => s.expectedVersion !== 'any' && (actual.get(s.streamId) ?? 0) !== s.expectedVersion,
  );
  const stream = clash ?? streams[0]!;
  const expected = stream.expectedVersion === 'any' ? -1 : stream.expectedVersion;
  return new ConcurrencyError(stream.streamId, expected, actual.get(stream.streamId) ?? 0);
}

type AppendedRow = Pick<
  EventRow,
  'global_position' | 'transaction_id' | 'stream_id' | 'stream_version' | 'event_id' | 'recorded_at'
>;

function appendedEvent(
  row: AppendedRow,
  input: { type: string; data: object; metadata: StoredEvent['metadata'] },
): StoredEvent {
  return toStoredEvent({
    ...row,
    event_type: input.type,
    data: input.data as Record<string, unknown>,
    metadata: input.metadata,
  });
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    globalPosition: BigInt(row.global_position),
    transactionId: BigInt(row.transaction_id),
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    eventId: row.event_id,
    eventType: row.event_type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}
