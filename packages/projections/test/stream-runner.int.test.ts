import {
  inBatches,
  runStreamProjection,
  type RunningStreamProjection,
  type StreamProjection,
} from '@omni/projections';
import { eventually, useTestDatabase, useTestNats } from '@omni/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import type pg from 'pg';
import { z } from 'zod';
import { createTallySource, publishCounts } from './tallies.js';

const database = useTestDatabase({ max: 10 });
const natsServer = useTestNats();
let nats: NatsConnection;
let pool: pg.Pool;
let tallies: StreamProjection;

beforeAll(async () => {
  nats = natsServer.connection;
  pool = database.pool;
  tallies = await createTallySource(nats, pool, 'tally');
});

test('two runners of one stream projection apply a backlog and live events once each, many per transaction', async () => {
  await publishCounts(nats, 'tally', 1, 600);
  const runners: RunningStreamProjection[] = [];
  try {
    for (let i = 0; i < 2; i++)
      runners.push(await runStreamProjection({ pool, schema: 'tally', nats, projection: tallies }));
    await publishCounts(nats, 'tally', 601, 800);
    await eventually(async () => {
      const { rows } = await pool.query<{ stream_sequence: string }>(
        'SELECT stream_sequence FROM tally.stream_checkpoints',
      );
      expect(rows[0]?.stream_sequence).toBe('800');
    });
  } finally {
    await Promise.all(runners.map((runner) => runner.stop()));
  }
  const { rows } = await pool.query<{ events: string; over_applied: string; transactions: string }>(
    `SELECT count(*) AS events, count(*) FILTER (WHERE applied <> 1) AS over_applied,
            count(DISTINCT txid::text) AS transactions FROM tally.tallies`,
  );
  expect(rows[0]).toMatchObject({ events: '800', over_applied: '0' });
  // The backlog of 600 was there before the runners started: it cannot have taken one commit each.
  expect(Number(rows[0]!.transactions)).toBeLessThan(400);
});

describe('a projection that folds only some of the events its filter brings', () => {
  const checkpoint = async (schema: string) =>
    Number(
      (
        await pool.query<{ stream_sequence: string }>(
          `SELECT stream_sequence FROM ${schema}.stream_checkpoints`,
        )
      ).rows[0]?.stream_sequence ?? 0,
    );

  /** The tallies, told that `<service>.counter.noted` events (which `apply` ignores) exist and are not folded. */
  async function foldingCountsOnly(service: string): Promise<StreamProjection> {
    const projection = await createTallySource(nats, pool, service);
    return {
      ...projection,
      source: {
        ...projection.source,
        events: { ...projection.source.events, [`${service}.counter.noted`]: z.object({ n: z.number() }) },
      },
      folds: [`${service}.counter.counted`],
      apply: async (tx, event, t) => {
        if (event.type === `${service}.counter.counted`) await projection.apply(tx, event, t);
      },
    };
  }

  test('opens no transaction for events it does not fold: the checkpoint passes them with the next one it does', async () => {
    const projection = await foldingCountsOnly('skipping');
    const runner = await runStreamProjection({
      pool,
      schema: 'skipping',
      nats,
      projection,
      checkpointLagMs: 3_600_000,
    });
    try {
      await publishCounts(nats, 'skipping', 1, 5);
      await eventually(async () => expect(await checkpoint('skipping')).toBe(5));
      await publishCounts(nats, 'skipping', 6, 55, 'noted');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await checkpoint('skipping')).toBe(5);
      await publishCounts(nats, 'skipping', 56, 56);
      await eventually(async () => expect(await checkpoint('skipping')).toBe(56));
    } finally {
      await runner.stop();
    }
    const { rows } = await pool.query<{ n: number; applied: number }>(
      'SELECT n, applied FROM skipping.tallies ORDER BY n',
    );
    expect(rows).toEqual([1, 2, 3, 4, 5, 56].map((n) => ({ n, applied: 1 })));
  });

  test('moves the checkpoint past events it does not fold once they are older than the allowed lag', async () => {
    const projection = await foldingCountsOnly('lagging');
    const runner = await runStreamProjection({
      pool,
      schema: 'lagging',
      nats,
      projection,
      checkpointLagMs: 0,
    });
    try {
      await publishCounts(nats, 'lagging', 1, 20, 'noted');
      await eventually(async () => expect(await checkpoint('lagging')).toBe(20));
    } finally {
      await runner.stop();
    }
    expect((await pool.query('SELECT * FROM lagging.tallies')).rowCount).toBe(0);
  });
});

describe('inBatches', () => {
  async function* numbers(count: number) {
    for (let i = 1; i <= count; i++) yield i;
  }

  test('yields every item once, in order, in batches no larger than the maximum', async () => {
    const batches: number[][] = [];
    for await (const batch of inBatches(numbers(1000), 64)) {
      batches.push(batch);
      await new Promise((resolve) => setTimeout(resolve, 1)); // a consumer slower than its source
    }
    expect(batches.flat()).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(Math.max(...batches.map((batch) => batch.length))).toBeLessThanOrEqual(64);
    expect(batches.length).toBeLessThan(1000);
  });

  test("passes the source's failure on after the items before it", async () => {
    async function* failing() {
      yield 1;
      throw new Error('source broke');
    }
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const batch of inBatches(failing(), 10)) seen.push(...batch);
      })(),
    ).rejects.toThrow('source broke');
    expect(seen).toEqual([1]);
  });
});
