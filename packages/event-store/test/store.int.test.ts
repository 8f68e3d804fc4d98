import { newId } from '@omni/contracts';
import {
  ConcurrencyError,
  START,
  createEventStore,
  migrateEventStore,
  type EventStore,
  type Position,
  type StoredEvent,
} from '@omni/event-store';
import { createTestDatabase, type TestDatabase } from '@omni/testing';
import pg from 'pg';

const metadata = { correlationId: 'test', causationId: 'test' };
const event = (type: string, data: Record<string, unknown> = {}) => ({ type, data, metadata });

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
});

describe('readAll', () => {
  it('orders by transaction id as a number, also where its digits grow (999 before 1000)', async () => {
    const ordered = await freshStore('xid_order');
    for (const xid of ['1000', '999', '10000']) {
      await pool.query(
        `INSERT INTO xid_order.events (transaction_id, stream_id, stream_version, event_id, event_type, data, metadata)
         VALUES ($1::text::xid8, $2, 1, $3, 'x', '{}', '{}')`,
        [xid, `thing-${xid}`, newId()],
      );
    }
    const events = await ordered.readAll(START, { allCommitted: true });
    expect(events.map((e) => e.transactionId)).toEqual([999n, 1000n, 10000n]);
    const committed = await ordered.readCommitted(START);
    expect(committed.events.map((e) => e.transactionId)).toEqual([999n, 1000n, 10000n]);
    expect(committed.final).toBe(3);
  });

  it.each([
    ['readAll', (store: EventStore, after: Position, limit: number) => store.readAll(after, { limit })],
    [
      'readCommitted (the relay)',
      async (store: EventStore, after: Position, limit: number) => {
        const { events, final } = await store.readCommitted(after, { limit });
        return events.slice(0, final);
      },
    ],
  ] as const)(
    '%s never skips or repeats an event when transactions commit out of order',
    async (name, read) => {
      const gapStore = await freshStore(name === 'readAll' ? 'gaps' : 'gaps_committed');
      const committed = new Set<string>();
      const seen: StoredEvent[] = [];
      let reading = true;

      const reader = (async () => {
        let position = START;
        while (reading || (await read(gapStore, position, 1)).length > 0) {
          const batch = await read(gapStore, position, 50);
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
    },
  );
});

async function freshStore(schema: string): Promise<EventStore> {
  await migrateEventStore(pool, schema);
  return createEventStore({ pool, schema, service: schema });
}
