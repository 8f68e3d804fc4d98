import { BusinessRuleError, newId, type Decider, type DomainEvent } from '@omni/contracts';
import {
  SNAPSHOT_EVERY,
  createCommandProcessor,
  createEventStore,
  decideOnStream,
  migrateEventStore,
  streamCommand,
  type CommandProcessor,
  type EventStore,
  type StoredEvent,
} from '@omni/event-store';
import { createTestDatabase, type TestDatabase } from '@omni/testing';
import pg from 'pg';

const metadata = { correlationId: 'test', causationId: 'test' };

type CounterEvent = DomainEvent<'incremented', { by: number }>;
const counter: Decider<{ by: number }, CounterEvent, number, Error> = {
  initialState: 0,
  decide: (command, total) =>
    total + command.by > 10
      ? new BusinessRuleError('too_big', 'limit 10')
      : [{ type: 'incremented', data: { by: command.by } }],
  evolve: (total, e) => total + e.data.by,
};
const unbounded = {
  ...counter,
  decide: (c: { by: number }) => [{ type: 'incremented' as const, data: { by: c.by } }],
};

let database: TestDatabase;
let pool: pg.Pool;
let store: EventStore;
/** Events each batch handed to the inline projection, in the batch's transaction. */
const projected: StoredEvent[][] = [];
let processor: CommandProcessor;

const increment = (streamId: string, by: number, options: { expectedVersion?: number; key?: string } = {}) =>
  processor.execute(
    streamCommand({
      streamId,
      decider: counter,
      command: { by },
      metadata,
      expectedVersion: options.expectedVersion,
      idempotencyKey: options.key,
    }),
  );

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 20 });
  await migrateEventStore(pool, 'demo');
  store = createEventStore({ pool, schema: 'demo', service: 'demo' });
  processor = createCommandProcessor({
    store,
    project: async (_tx, events) => void projected.push([...events]),
  });
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

describe('one stream, many concurrent commands', () => {
  it('runs them all in some serial order: none refused, none lost, answers agree with the stream', async () => {
    const stream = `counter-${newId()}`;
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        processor.execute(
          streamCommand({ streamId: stream, decider: unbounded, command: { by: 1 }, metadata }),
        ),
      ),
    );
    const events = await store.readStream(stream);
    expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const versions = outcomes.map((o) => (o.replayed ? 0 : o.result.version)).sort((a, b) => a - b);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Each answer's state is the fold up to its own version.
    for (const o of outcomes) if (!o.replayed) expect(o.result.state).toBe(o.result.version);
  });

  it('shares transactions under load: fewer batches than commands, each projected once', async () => {
    const before = projected.length;
    const streams = Array.from({ length: 40 }, () => `counter-${newId()}`);
    await Promise.all(streams.map((s) => increment(s, 1)));
    const batches = projected.slice(before);
    expect(batches.flat()).toHaveLength(40);
    expect(batches.length).toBeLessThan(40);
  });
});

describe('refusals stay with their command', () => {
  it('throws the decider refusal and appends nothing', async () => {
    const stream = `counter-${newId()}`;
    await expect(increment(stream, 11)).rejects.toMatchObject({ code: 'too_big' });
    expect(await store.readStream(stream)).toHaveLength(0);
  });

  it('one refusal does not fail its batch neighbours, on the same stream or on others', async () => {
    const stream = `counter-${newId()}`;
    const other = `counter-${newId()}`;
    const results = await Promise.allSettled([
      increment(stream, 6),
      increment(stream, 6), // 12 > 10: refused, decided against the first one's state
      increment(stream, 4),
      increment(other, 1),
      increment(other, 1, { expectedVersion: 7 }), // If-Match on a stale version: 412
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'rejected',
    ]);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'too_big' });
    expect((results[4] as PromiseRejectedResult).reason).toMatchObject({ status: 412 });
    expect((await store.readStream(stream)).map((e) => e.data)).toEqual([{ by: 6 }, { by: 4 }]);
    expect(await store.readStream(other)).toHaveLength(1);
  });

  it('refuses with 412 when If-Match names another version', async () => {
    const stream = `counter-${newId()}`;
    await increment(stream, 1);
    await expect(increment(stream, 1, { expectedVersion: 0 })).rejects.toMatchObject({ status: 412 });
    const ok = await increment(stream, 1, { expectedVersion: 1 });
    expect(ok).toMatchObject({ replayed: false, result: { version: 2 } });
  });

  it('a command that fails unexpectedly is refused alone; its neighbours commit', async () => {
    const stream = `thing-${newId()}`;
    const failing = processor.execute({
      streams: [stream],
      metadata,
      async run(session) {
        await session.load(stream, counter);
        session.append(stream, [{ type: 'incremented', data: { by: 1 } }]);
        await session.tx.query('SELECT no_such_column FROM demo.events');
      },
    });
    const neighbour = `counter-${newId()}`;
    const [failed, ok] = await Promise.allSettled([failing, increment(neighbour, 1)]);
    expect(failed.status).toBe('rejected');
    expect(ok.status).toBe('fulfilled');
    expect(await store.readStream(stream)).toHaveLength(0);
    expect(await store.readStream(neighbour)).toHaveLength(1);
  });

  it('a claim is undone when its command is refused afterwards', async () => {
    const key = `sku-${newId()}`;
    const claimThenRefuse = (by: number) =>
      processor.execute({
        streams: [`counter-${newId()}`],
        metadata,
        async run(session) {
          if (!(await session.claim('sku', key, newId()))) throw new BusinessRuleError('taken', 'taken');
          return decideOnStream(session, {
            streamId: `counter-${newId()}`,
            decider: counter,
            command: { by },
          });
        },
      });
    await expect(claimThenRefuse(11)).rejects.toMatchObject({ code: 'too_big' });
    await expect(claimThenRefuse(1)).resolves.toMatchObject({ replayed: false });
    await expect(claimThenRefuse(1)).rejects.toMatchObject({ code: 'taken' });
  });
});

describe('snapshots', () => {
  const snapshotting = { ...unbounded, snapshotKey: 'counter-v1' };

  it('are written every SNAPSHOT_EVERY versions and give the same state as the full stream', async () => {
    const stream = `counter-${newId()}`;
    let last = { state: 0, version: 0 };
    for (let i = 0; i < SNAPSHOT_EVERY * 2 + 5; i++) {
      const outcome = await processor.execute(
        streamCommand({ streamId: stream, decider: snapshotting, command: { by: 1 }, metadata }),
      );
      if (!outcome.replayed) last = outcome.result;
    }
    const { rows } = await pool.query('SELECT version, state FROM demo.snapshots WHERE stream_id = $1', [
      stream,
    ]);
    expect(rows).toEqual([{ version: SNAPSHOT_EVERY * 2, state: SNAPSHOT_EVERY * 2 }]);
    expect(last).toMatchObject({ state: SNAPSHOT_EVERY * 2 + 5, version: SNAPSHOT_EVERY * 2 + 5 });
    // Loading from the snapshot and from the whole stream agree.
    expect(await load(stream, snapshotting)).toEqual(await load(stream, unbounded));
  });

  it('are ignored when the state shape changed (another snapshot key)', async () => {
    const stream = `counter-${newId()}`;
    for (let i = 0; i < SNAPSHOT_EVERY; i++)
      await processor.execute(
        streamCommand({ streamId: stream, decider: snapshotting, command: { by: 2 }, metadata }),
      );
    await pool.query(`UPDATE demo.snapshots SET state = '"garbage"' WHERE stream_id = $1`, [stream]);
    const reshaped = { ...snapshotting, snapshotKey: 'counter-v2' };
    expect(await load(stream, reshaped)).toEqual({ state: SNAPSHOT_EVERY * 2, version: SNAPSHOT_EVERY });
  });

  const load = async (stream: string, decider: typeof unbounded) => {
    const outcome = await processor.execute({
      streams: [stream],
      metadata,
      run: (s) => s.load(stream, decider),
    });
    return outcome.replayed ? undefined : outcome.result;
  };
});

describe('idempotency keys', () => {
  it('a repeated key decides nothing and reports the stream of the first run', async () => {
    const key = `key-${newId()}`;
    const firstStream = `counter-${newId()}`;
    const first = await increment(firstStream, 1, { key });
    const retry = await increment(`counter-${newId()}`, 1, { key });
    expect(first).toMatchObject({ replayed: false, result: { version: 1 } });
    expect(retry).toEqual({ replayed: true, streamId: firstStream });
    expect(await store.readStream(firstStream)).toHaveLength(1);
  });

  it('concurrent runs with one key have one effect, also inside one batch', async () => {
    const key = `key-${newId()}`;
    const stream = `counter-${newId()}`;
    const runs = await Promise.all(Array.from({ length: 5 }, () => increment(stream, 1, { key })));
    expect(runs.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await store.readStream(stream)).toHaveLength(1);
  });
});

describe('two processors on one database (replicas)', () => {
  it('hammering the same streams: nothing refused, nothing lost', async () => {
    const replicaPool = new pg.Pool({ connectionString: database.url, max: 10 });
    try {
      const replica = createCommandProcessor({
        store: createEventStore({ pool: replicaPool, schema: 'demo', service: 'demo' }),
      });
      const streams = [`counter-${newId()}`, `counter-${newId()}`, `counter-${newId()}`];
      const runs = Array.from({ length: 120 }, (_, i) =>
        (i % 2 ? replica : processor).execute(
          streamCommand({ streamId: streams[i % 3]!, decider: unbounded, command: { by: 1 }, metadata }),
        ),
      );
      const outcomes = await Promise.allSettled(runs);
      expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
      for (const stream of streams) {
        const events = await store.readStream(stream);
        expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      }
    } finally {
      await replicaPool.end();
    }
  });
});
