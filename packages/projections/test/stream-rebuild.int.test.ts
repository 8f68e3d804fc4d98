import { rebuildStreamProjection, runStreamProjection, type StreamProjection } from '@omni/projections';
import { eventually, useTestDatabase, useTestNats } from '@omni/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { streamName } from '@omni/contracts';
import type pg from 'pg';
import { readStream } from '../src/stream-reader.js';
import { createTallySource, publishCounts } from './tallies.js';

const database = useTestDatabase({ max: 10 });
const natsServer = useTestNats();
let nats: NatsConnection;
let pool: pg.Pool;

beforeAll(async () => {
  nats = natsServer.connection;
  pool = database.pool;
});

/** Each test its own source stream and schema: `tallya`, `tallyb`… (service names are letters only). */
let sources = 0;
const nextSource = () => `tally${String.fromCharCode(97 + sources++)}`;

async function checkpointOf(schema: string): Promise<number> {
  const { rows } = await pool.query<{ stream_sequence: string }>(
    `SELECT stream_sequence FROM ${schema}.stream_checkpoints WHERE name = 'tallies'`,
  );
  return Number(rows[0]?.stream_sequence ?? 0);
}

/** The live runner, run until its checkpoint is `seq` and stopped: the live model stands there. */
async function runLiveUntil(schema: string, projection: StreamProjection, seq: number) {
  const runner = await runStreamProjection({ pool, schema, nats, projection });
  try {
    await eventually(async () => expect(await checkpointOf(schema)).toBe(seq));
  } finally {
    await runner.stop();
  }
}

async function liveTallies(schema: string) {
  const { rows } = await pool.query<{
    events: number;
    over_applied: number;
    lowest: number;
    highest: number;
  }>(
    `SELECT count(*)::int AS events, (count(*) FILTER (WHERE applied <> 1))::int AS over_applied,
            min(n) AS lowest, max(n) AS highest FROM ${schema}.tallies`,
  );
  return rows[0]!;
}

async function shadowLeft(schema: string): Promise<boolean> {
  const { rows } = await pool.query(`SELECT to_regclass('${schema}.tallies__rebuild') AS t`);
  return rows[0].t !== null;
}

describe('a dry run of a stream-fed read model', () => {
  test('compares with the live model at its checkpoint, not at a stream head the runner has not reached', async () => {
    const schema = nextSource();
    const projection = await createTallySource(nats, pool, schema);
    await publishCounts(nats, schema, 1, 300);
    await runLiveUntil(schema, projection, 300);
    await publishCounts(nats, schema, 301, 500); // the live model lags 200 events behind the stream

    const result = await rebuildStreamProjection({
      pool,
      schema,
      nats,
      projection,
      dryRun: true,
      batchSize: 64,
    });

    expect(result.rows).toEqual({ tallies: { rebuilt: 300, live: 300 } });
    expect(result.events).toBe(300);
    expect(await checkpointOf(schema)).toBe(300);
    expect(await liveTallies(schema)).toMatchObject({ events: 300, highest: 300 });
    expect(await shadowLeft(schema)).toBe(false);
  });

  test('still reports a row the live model lost', async () => {
    const schema = nextSource();
    const projection = await createTallySource(nats, pool, schema);
    await publishCounts(nats, schema, 1, 200);
    await runLiveUntil(schema, projection, 200);
    await pool.query(`DELETE FROM ${schema}.tallies WHERE n = 77`); // an event the live model lost
    await publishCounts(nats, schema, 201, 250);

    const result = await rebuildStreamProjection({ pool, schema, nats, projection, dryRun: true });

    expect(result.rows).toEqual({ tallies: { rebuilt: 200, live: 199 } });
  });
});

describe.each([
  ['a dry run', true],
  ['a rebuild', false],
])('%s, while the live runner gets ahead of the filled shadow', (_, dryRun) => {
  test('catches the shadow up to the live checkpoint under the lock', async () => {
    const schema = nextSource();
    let runnerGotAhead = false;
    // Once the shadow is filled up to 300 (and before the final transaction), the runner applies
    // 100 more events: they reach the shadow only through the catch-up under the lock.
    const projection = await createTallySource(nats, pool, schema, async (n, table) => {
      if (n !== 300 || !table.endsWith('__rebuild') || runnerGotAhead) return;
      runnerGotAhead = true;
      await publishCounts(nats, schema, 301, 400);
      await runLiveUntil(schema, projection, 400);
    });
    await publishCounts(nats, schema, 1, 300);
    await runLiveUntil(schema, projection, 300);

    const result = await rebuildStreamProjection({ pool, schema, nats, projection, dryRun, batchSize: 64 });

    expect(runnerGotAhead).toBe(true);
    expect(result.events).toBe(400);
    expect(result.rows).toEqual({ tallies: dryRun ? { rebuilt: 400, live: 400 } : { rebuilt: 400 } });
    expect(await checkpointOf(schema)).toBe(400);
    expect(await liveTallies(schema)).toMatchObject({ events: 400, over_applied: 0 });
    expect(await shadowLeft(schema)).toBe(false);
  });
});

test('a rebuild with the live runner behind swaps in the whole stream and leaves the checkpoint at it', async () => {
  const schema = nextSource();
  const projection = await createTallySource(nats, pool, schema);
  await publishCounts(nats, schema, 1, 200);
  await runLiveUntil(schema, projection, 200);
  await publishCounts(nats, schema, 201, 300);

  const result = await rebuildStreamProjection({ pool, schema, nats, projection, batchSize: 64 });

  expect(result.rows).toEqual({ tallies: { rebuilt: 300 } });
  expect(await checkpointOf(schema)).toBe(300);
  // The runner goes on from there: nothing the rebuild applied is applied again, nothing is skipped.
  await publishCounts(nats, schema, 301, 320);
  await runLiveUntil(schema, projection, 320);
  expect(await liveTallies(schema)).toEqual({ events: 320, over_applied: 0, lowest: 1, highest: 320 });
});

test('reading a stream up to a sequence hands over nothing beyond it, even when the message at it is gone', async () => {
  const service = nextSource();
  await createTallySource(nats, pool, service);
  await publishCounts(nats, service, 1, 10);
  await (await jetstreamManager(nats)).streams.deleteMessage(streamName(service), 5);
  const read = async (until: number) => {
    const seqs: number[] = [];
    const last = await readStream(
      nats,
      { service, filterSubject: `${service}.counter.>` },
      { after: 0, until, batchSize: 3 },
      async (batch) => {
        seqs.push(...batch.map((message) => message.seq));
      },
    );
    return { seqs, last };
  };

  expect(await read(5)).toEqual({ seqs: [1, 2, 3, 4], last: 4 });
  expect(await read(7)).toEqual({ seqs: [1, 2, 3, 4, 6, 7], last: 7 });
});

test('a message that is no event (not JSON, not a CloudEvent) is skipped live and in a rebuild, and the runner goes on', async () => {
  const schema = nextSource();
  const projection = await createTallySource(nats, pool, schema);
  await publishCounts(nats, schema, 1, 10);
  // Something other than a relay publishing on the stream's subjects: seq 11 and 12.
  nats.publish(`${schema}.counter.c1.counted`, 'not json at all');
  nats.publish(`${schema}.counter.c1.counted`, JSON.stringify({ hello: 'world' }));
  await nats.flush();
  await publishCounts(nats, schema, 11, 20); // seq 13..22

  await runLiveUntil(schema, projection, 22);
  expect(await liveTallies(schema)).toEqual({ events: 20, over_applied: 0, lowest: 1, highest: 20 });

  const dryRun = await rebuildStreamProjection({
    pool,
    schema,
    nats,
    projection,
    dryRun: true,
    batchSize: 4,
  });
  expect(dryRun.rows).toEqual({ tallies: { rebuilt: 20, live: 20 } });
  const rebuilt = await rebuildStreamProjection({ pool, schema, nats, projection, batchSize: 4 });
  expect(rebuilt.rows).toEqual({ tallies: { rebuilt: 20 } });
  expect(await checkpointOf(schema)).toBe(22);
});
