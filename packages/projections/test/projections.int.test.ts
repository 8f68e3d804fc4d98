import { newId } from '@omni/contracts';
import {
  createEventStore,
  migrateEventStore,
  type EventStore,
  type StoredEvent,
  type Tx,
} from '@omni/event-store';
import {
  liveTables,
  migrateProjections,
  ensureProjection,
  readCheckpoint,
  rebuildProjection,
  runCheckpointedProjection,
  type Projection,
  type TableNames,
} from '@omni/projections';
import { createTestDatabase, eventually, type TestDatabase } from '@omni/testing';
import pg from 'pg';

const metadata = { correlationId: 'c', causationId: 'c' };

/** Events per stream and the last version seen: simple to check against the log itself. */
function streamTotals(name: string, failOn?: (event: StoredEvent) => boolean): Projection {
  return {
    name,
    tables: ['stream_totals'],
    async createTables(tx: Tx, t: TableNames) {
      await tx.query(
        `CREATE TABLE IF NOT EXISTS ${t['stream_totals']} (stream_id text PRIMARY KEY, events int NOT NULL, last_version int NOT NULL)`,
      );
    },
    async apply(tx: Tx, event: StoredEvent, t: TableNames) {
      if (failOn?.(event)) throw new Error('projection crashed mid-batch');
      await tx.query(
        `INSERT INTO ${t['stream_totals']} VALUES ($1, 1, $2)
         ON CONFLICT (stream_id) DO UPDATE SET events = ${t['stream_totals']}.events + 1, last_version = $2`,
        [event.streamId, event.streamVersion],
      );
    },
  };
}

let database: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 20 });
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

async function setUp(schema: string, projection: Projection): Promise<EventStore> {
  await migrateEventStore(pool, schema);
  await migrateProjections(pool, schema);
  await ensureProjection(pool, schema, projection);
  return createEventStore({ pool, schema, service: schema });
}

/** A command: append and project inline, in one transaction. */
async function appendWithInlineProjection(store: EventStore, projection: Projection, streamId: string) {
  await store.transaction(async (tx) => {
    const [current] = (
      await tx.query(`SELECT count(*)::int AS n FROM ${store.schema}.events WHERE stream_id = $1`, [streamId])
    ).rows;
    const events = await store.append(tx, [
      { streamId, expectedVersion: current.n, events: [{ type: 'counted', data: {}, metadata }] },
    ]);
    for (const event of events) await projection.apply(tx, event, liveTables(store.schema, projection));
  });
}

const totalsFromLog = async (schema: string) =>
  (
    await pool.query(
      `SELECT stream_id, count(*)::int AS events, max(stream_version) AS last_version FROM ${schema}.events GROUP BY stream_id ORDER BY stream_id`,
    )
  ).rows;
const totalsFromModel = async (schema: string) =>
  (await pool.query(`SELECT stream_id, events, last_version FROM ${schema}.stream_totals ORDER BY stream_id`))
    .rows;

it('rebuilds into shadow tables while reads and writes go on, then swaps in a model equal to the log', async () => {
  const projection = streamTotals('totals');
  const store = await setUp('rebuilt', projection);
  const streams = Array.from({ length: 20 }, () => `counter-${newId()}`);
  for (let i = 0; i < 2000; i++)
    await appendWithInlineProjection(store, projection, streams[i % streams.length]!);

  let busy = true;
  let readFailures = 0;
  let reads = 0;
  const writers = Array.from({ length: 4 }, async (_, w) => {
    for (let i = 0; busy; i++)
      await appendWithInlineProjection(store, projection, streams[(i * 4 + w) % streams.length]!);
  });
  const reader = (async () => {
    let lastSeen = 0;
    while (busy) {
      try {
        const { rows } = await pool.query(
          'SELECT coalesce(sum(events), 0)::int AS n FROM rebuilt.stream_totals',
        );
        if (rows[0].n < lastSeen) readFailures++; // went backwards
        lastSeen = rows[0].n;
        reads++;
      } catch {
        readFailures++;
        // A query that fails at once (the pool ended after a timeout) must not spin in microtasks,
        // which would starve the event loop and hang the whole run.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  })();

  const progress: number[] = [];
  const result = await rebuildProjection({
    store,
    projection,
    batchSize: 300,
    onProgress: (p) => progress.push(p.events),
  }).finally(() => (busy = false));
  await Promise.all([...writers, reader]);

  expect(result.events).toBeGreaterThanOrEqual(2000);
  expect(progress.length).toBeGreaterThan(3);
  expect(reads).toBeGreaterThan(10);
  expect(readFailures).toBe(0);
  expect(await totalsFromModel('rebuilt')).toEqual(await totalsFromLog('rebuilt'));
  const leftovers = await pool.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'rebuilt' AND tablename LIKE '%\\_\\_%'`,
  );
  expect(leftovers.rows).toEqual([]);
});

it('ends even when writers append faster than the rebuild applies, and still equals the log', async () => {
  // Applying to the shadow tables is made slow, so the writers outpace every pass over the log: a
  // rebuild that read "until nothing is left" would never end.
  const live = streamTotals('outpaced');
  const slowWhenShadow: Projection = {
    ...live,
    async apply(tx, event, t) {
      if (t['stream_totals']!.includes('__')) await new Promise((resolve) => setTimeout(resolve, 2));
      await live.apply(tx, event, t);
    },
  };
  const store = await setUp('outpaced', live);
  const streams = Array.from({ length: 8 }, () => `counter-${newId()}`);
  for (let i = 0; i < 200; i++) await appendWithInlineProjection(store, live, streams[i % streams.length]!);

  let busy = true;
  const writers = Array.from({ length: 4 }, async (_, w) => {
    for (let i = 0; busy; i++)
      await appendWithInlineProjection(store, live, streams[(i * 4 + w) % streams.length]!);
  });
  await rebuildProjection({ store, projection: slowWhenShadow, batchSize: 50 }).finally(() => (busy = false));
  await Promise.all(writers);

  expect(await totalsFromModel('outpaced')).toEqual(await totalsFromLog('outpaced'));
});

it('a dry run compares without touching the live tables', async () => {
  const projection = streamTotals('dry');
  const store = await setUp('dryrun', projection);
  for (let i = 0; i < 50; i++) await appendWithInlineProjection(store, projection, `counter-${i % 5}`);
  const result = await rebuildProjection({ store, projection, dryRun: true });
  expect(result.rows['stream_totals']).toEqual({ rebuilt: 5, live: 5 });
  expect(await totalsFromModel('dryrun')).toEqual(await totalsFromLog('dryrun'));
});

it('keeps checkpoint and read model in agreement when a batch crashes half-way', async () => {
  let crashes = 0;
  const crashOnce = (event: StoredEvent) => event.streamVersion === 7 && crashes++ === 0;
  const projection = streamTotals('async_totals', crashOnce);
  const store = await setUp('checkpointed', projection);
  await pool.query('TRUNCATE checkpointed.stream_totals');
  for (let i = 0; i < 30; i++) {
    await store.transaction((tx) =>
      store.append(tx, [
        { streamId: 'counter-a', expectedVersion: i, events: [{ type: 'counted', data: {}, metadata }] },
      ]),
    );
  }
  const runner = runCheckpointedProjection({ store, projection, batchSize: 10, pollIntervalMs: 20 });
  await eventually(async () =>
    expect(await totalsFromModel('checkpointed')).toEqual(await totalsFromLog('checkpointed')),
  );
  await runner.stop();
  expect(crashes).toBe(2); // the crash happened, and the retry got past it
  const client = await pool.connect();
  const checkpoint = await readCheckpoint(client, 'checkpointed', 'async_totals');
  client.release();
  const [model] = await totalsFromModel('checkpointed');
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM checkpointed.events WHERE (transaction_id, global_position) <= ($1::text::xid8, $2::bigint)`,
    [checkpoint.transactionId.toString(), checkpoint.globalPosition.toString()],
  );
  expect(model.events).toBe(rows[0].n);
});
