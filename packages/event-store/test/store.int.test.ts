import { BusinessRuleError, newId, type Decider, type DomainEvent } from '@omni/contracts';
import {
  ConcurrencyError,
  SNAPSHOT_EVERY,
  START,
  createEventStore,
  executeCommand,
  migrateEventStore,
  runCommand,
  type EventStore,
  type StoredEvent,
} from '@omni/event-store';
import { createTestDatabase, type TestDatabase } from '@omni/testing';
import pg from 'pg';

const metadata = { correlationId: 'test', causationId: 'test' };
const event = (type: string, data: Record<string, unknown> = {}) => ({ type, data, metadata });

type CounterEvent = DomainEvent<'incremented', { by: number }>;
const counter: Decider<{ by: number }, CounterEvent, number, Error> = {
  initialState: 0,
  decide: (command, total) =>
    total + command.by > 10
      ? new BusinessRuleError('too_big', 'limit 10')
      : [{ type: 'incremented', data: { by: command.by } }],
  evolve: (total, e) => total + e.data.by,
};

let database: TestDatabase;
let pool: pg.Pool;
let store: EventStore;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 20 });
  await migrateEventStore(pool, 'demo');
  store = createEventStore({ pool, schema: 'demo', service: 'demo' });
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

describe('append', () => {
  it('numbers events per stream and reads them back', async () => {
    const stream = `thing-${newId()}`;
    await store.transaction((tx) =>
      store.append(tx, [{ streamId: stream, expectedVersion: 0, events: [event('a'), event('b')] }]),
    );
    const events = await store.readStream(stream);
    expect(events.map((e) => [e.eventType, e.streamVersion])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('refuses an append at a stale expected version with a ConcurrencyError', async () => {
    const stream = `thing-${newId()}`;
    await store.transaction((tx) =>
      store.append(tx, [{ streamId: stream, expectedVersion: 0, events: [event('a')] }]),
    );
    const stale = store.transaction((tx) =>
      store.append(tx, [{ streamId: stream, expectedVersion: 0, events: [event('b')] }]),
    );
    await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
    const ahead = store.transaction((tx) =>
      store.append(tx, [{ streamId: stream, expectedVersion: 5, events: [event('b')] }]),
    );
    await expect(ahead).rejects.toMatchObject({ code: 'version_conflict', status: 409, actualVersion: 1 });
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('appends to several streams all or nothing', async () => {
    const [first, second] = [`thing-${newId()}`, `thing-${newId()}`];
    await store.transaction((tx) =>
      store.append(tx, [{ streamId: second, expectedVersion: 0, events: [event('x')] }]),
    );
    const clash = store.transaction((tx) =>
      store.append(tx, [
        { streamId: first, expectedVersion: 0, events: [event('a')] },
        { streamId: second, expectedVersion: 0, events: [event('b')] },
      ]),
    );
    await expect(clash).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await store.readStream(first)).toHaveLength(0);
    expect(await store.readStream(second)).toHaveLength(1);

    const both = await store.transaction((tx) =>
      store.append(tx, [
        { streamId: first, expectedVersion: 0, events: [event('a')] },
        { streamId: second, expectedVersion: 1, events: [event('b')] },
      ]),
    );
    expect(both.map((e) => `${e.streamId.slice(0, 5)}:${e.streamVersion}`)).toEqual(['thing:1', 'thing:2']);
  });

  it('concurrent writers to one stream never lose an event: conflicts are retried by runCommand', async () => {
    const stream = `counter-${newId()}`;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        executeCommand(store, {
          streamId: stream,
          decider: counter,
          command: { by: 1 },
          metadata,
          maxAttempts: 50,
        }),
      ),
    );
    const events = await store.readStream(stream);
    expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('throws the decider refusal and appends nothing', async () => {
    const stream = `counter-${newId()}`;
    await expect(
      executeCommand(store, { streamId: stream, decider: counter, command: { by: 11 }, metadata }),
    ).rejects.toMatchObject({
      code: 'too_big',
    });
    expect(await store.readStream(stream)).toHaveLength(0);
  });

  it('refuses with 412 when If-Match names another version', async () => {
    const stream = `counter-${newId()}`;
    await executeCommand(store, { streamId: stream, decider: counter, command: { by: 1 }, metadata });
    await expect(
      executeCommand(store, {
        streamId: stream,
        decider: counter,
        command: { by: 1 },
        metadata,
        expectedVersion: 0,
      }),
    ).rejects.toMatchObject({ status: 412 });
    const ok = await executeCommand(store, {
      streamId: stream,
      decider: counter,
      command: { by: 1 },
      metadata,
      expectedVersion: 1,
    });
    expect(ok.version).toBe(2);
  });

  it('rolls back everything when the work fails after appending', async () => {
    const stream = `thing-${newId()}`;
    const failing = runCommand(store, async (session) => {
      await session.append([{ streamId: stream, expectedVersion: 0, events: [event('a')] }]);
      throw new Error('projection failed');
    });
    await expect(failing).rejects.toThrow('projection failed');
    expect(await store.readStream(stream)).toHaveLength(0);
  });
});

describe('readAll', () => {
  it('never skips or repeats an event when transactions commit out of order', async () => {
    const gapStore = await freshStore('gaps');
    const committed = new Set<string>();
    const seen: StoredEvent[] = [];
    let reading = true;

    const reader = (async () => {
      let position = START;
      while (reading || (await gapStore.readAll(position, { limit: 1 })).length > 0) {
        const batch = await gapStore.readAll(position, { limit: 50 });
        seen.push(...batch);
        if (batch.length) position = gapStore.positionOf(batch[batch.length - 1]!);
        else await new Promise((r) => setTimeout(r, 2));
      }
    })();

    // A transaction that appends first and commits last, held open while many later ones commit.
    let releaseHeld!: () => void;
    const held = new Promise<void>((resolve) => (releaseHeld = resolve));
    const slowWriter = gapStore.transaction(async (tx) => {
      const [stored] = await gapStore.append(tx, [
        { streamId: `slow-${newId()}`, expectedVersion: 0, events: [event('slow')] },
      ]);
      await held;
      committed.add(stored!.eventId);
    });
    const writers = Array.from({ length: 8 }, async () => {
      for (let i = 0; i < 40; i++) {
        await gapStore
          .transaction(async (tx) => {
            const stored = await gapStore.append(tx, [
              { streamId: `fast-${newId()}`, expectedVersion: 0, events: [event('fast'), event('fast')] },
            ]);
            if (i % 7 === 3) await new Promise((r) => setTimeout(r, Math.random() * 5));
            return stored;
          })
          .then((stored) => stored.forEach((e) => committed.add(e.eventId)));
      }
    });
    await Promise.all(writers);
    releaseHeld();
    await slowWriter;
    reading = false;
    await reader;

    const ids = seen.map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length); // no repeats
    expect(new Set(ids)).toEqual(committed); // nothing skipped
  });
});

async function freshStore(schema: string): Promise<EventStore> {
  await migrateEventStore(pool, schema);
  return createEventStore({ pool, schema, service: schema });
}

describe('snapshots', () => {
  const snapshotting = {
    ...counter,
    decide: (c: { by: number }) => [{ type: 'incremented' as const, data: { by: c.by } }],
    snapshotKey: 'counter-v1',
  };

  it('are written every SNAPSHOT_EVERY versions and give the same state as the full stream', async () => {
    const stream = `counter-${newId()}`;
    let last = { state: 0, version: 0 };
    for (let i = 0; i < SNAPSHOT_EVERY * 2 + 5; i++) {
      last = await executeCommand(store, {
        streamId: stream,
        decider: snapshotting,
        command: { by: 1 },
        metadata,
      });
    }
    const { rows } = await pool.query('SELECT version, state FROM demo.snapshots WHERE stream_id = $1', [
      stream,
    ]);
    expect(rows).toEqual([{ version: SNAPSHOT_EVERY * 2, state: SNAPSHOT_EVERY * 2 }]);
    expect(last).toMatchObject({ state: SNAPSHOT_EVERY * 2 + 5, version: SNAPSHOT_EVERY * 2 + 5 });
    // Loading from the snapshot and from the whole stream agree.
    const fromSnapshot = await runCommand(store, (s) => s.load(stream, snapshotting));
    const fromEvents = await runCommand(store, (s) => s.load(stream, counter));
    expect(fromSnapshot).toEqual(fromEvents);
  });

  it('are ignored when the state shape changed (another snapshot key)', async () => {
    const stream = `counter-${newId()}`;
    for (let i = 0; i < SNAPSHOT_EVERY; i++)
      await executeCommand(store, { streamId: stream, decider: snapshotting, command: { by: 2 }, metadata });
    await pool.query(`UPDATE demo.snapshots SET state = '"garbage"' WHERE stream_id = $1`, [stream]);
    const reshaped = { ...snapshotting, snapshotKey: 'counter-v2' };
    expect(await runCommand(store, (s) => s.load(stream, reshaped))).toEqual({
      state: SNAPSHOT_EVERY * 2,
      version: SNAPSHOT_EVERY,
    });
  });
});

describe('idempotency keys', () => {
  it('a repeated key decides nothing and reports the stream of the first run', async () => {
    const key = `key-${newId()}`;
    const first = await executeCommand(store, {
      streamId: `counter-${newId()}`,
      decider: counter,
      command: { by: 1 },
      metadata,
      idempotencyKey: key,
    });
    const retry = await executeCommand(store, {
      streamId: `counter-${newId()}`,
      decider: counter,
      command: { by: 1 },
      metadata,
      idempotencyKey: key,
    });
    expect(first).toMatchObject({ replayed: false, version: 1 });
    expect(retry).toMatchObject({ replayed: true, streamId: first.streamId, version: 1, events: [] });
    expect(await store.readStream(retry.streamId)).toHaveLength(1);
  });

  it('two concurrent runs with one key have one effect', async () => {
    const key = `key-${newId()}`;
    const stream = `counter-${newId()}`;
    const runs = await Promise.all(
      Array.from({ length: 5 }, () =>
        executeCommand(store, {
          streamId: stream,
          decider: counter,
          command: { by: 1 },
          metadata,
          idempotencyKey: key,
          maxAttempts: 20,
        }),
      ),
    );
    expect(runs.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await store.readStream(stream)).toHaveLength(1);
  });
});
