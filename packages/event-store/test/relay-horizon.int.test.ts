import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { newId } from '@omni/contracts';
import {
  START,
  createEventStore,
  migrateEventStore,
  startRelay,
  type EventStore,
  type Relay,
} from '@omni/event-store';
import { connectNats } from '@omni/messaging';
import {
  createTestDatabase,
  eventually,
  startTestNats,
  type TestDatabase,
  type TestNatsServer,
} from '@omni/testing';
import pg from 'pg';

const metadata = { correlationId: 'test', causationId: 'test' };

let database: TestDatabase;
let otherDatabase: TestDatabase;
let natsServer: TestNatsServer;
let pool: pg.Pool;
let otherPool: pg.Pool;
let nats: NatsConnection;
let jsm: JetStreamManager;

beforeAll(async () => {
  [database, otherDatabase, natsServer] = await Promise.all([
    createTestDatabase(),
    createTestDatabase(),
    startTestNats(),
  ]);
  pool = new pg.Pool({ connectionString: database.url, max: 10 });
  otherPool = new pg.Pool({ connectionString: otherDatabase.url, max: 2 });
  nats = await connectNats({ url: natsServer.url, name: 'relay-horizon-test' });
  jsm = await jetstreamManager(nats);
});

afterAll(async () => {
  await nats.close();
  await Promise.all([pool.end(), otherPool.end()]);
  await Promise.all([database.drop(), otherDatabase.drop(), natsServer.dispose()]);
});

async function relayFor(schema: string): Promise<{ store: EventStore; relay: Relay }> {
  await migrateEventStore(pool, schema);
  const store = createEventStore({ pool, schema, service: schema });
  return { store, relay: await startRelay({ store, nats, pollIntervalMs: 50 }) };
}

function appendOne(store: EventStore, tx: pg.PoolClient) {
  return store.append(tx, [
    { streamId: `item-${newId()}`, expectedVersion: 0, events: [{ type: 'made', data: {}, metadata }] },
  ]);
}

/** Event ids in the stream, in stream order. */
async function published(stream: string): Promise<string[]> {
  const { state } = await jsm.streams.info(stream);
  const ids: string[] = [];
  for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
    const message = await jsm.streams.getMessage(stream, { seq });
    if (message) ids.push(message.json<{ id: string }>().id);
  }
  return ids;
}

/** A transaction holding a transaction id, open until `end` is called. */
async function openTransaction(on: pg.Pool) {
  const client = await on.connect();
  await client.query('BEGIN');
  await client.query('SELECT pg_current_xact_id()');
  return {
    client,
    async end() {
      await client.query('COMMIT');
      client.release();
    },
  };
}

describe('when a transaction in another database stays open', () => {
  it('publishes events committed after it began without waiting for it', async () => {
    const { store, relay } = await relayFor('horizon_other');
    const unrelated = await openTransaction(otherPool);
    try {
      const [event] = await store.transaction((tx) => appendOne(store, tx));
      await eventually(async () => expect(await published('HORIZON_OTHER')).toEqual([event!.eventId]));
    } finally {
      await unrelated.end();
      await relay.stop();
    }
  });
});

describe('when a transaction in the same database commits its event late', () => {
  it('holds back the events committed after it began and publishes in store order', async () => {
    const { store, relay } = await relayFor('horizon_same');
    const late = await openTransaction(pool);
    try {
      const [lateEvent] = await appendOne(store, late.client);
      const [laterEvent] = await store.transaction((tx) => appendOne(store, tx));
      await late.end();
      await store.transaction((tx) => appendOne(store, tx)); // its NOTIFY wakes the relay
      await eventually(async () =>
        expect((await published('HORIZON_SAME')).slice(0, 2)).toEqual([
          lateEvent!.eventId,
          laterEvent!.eventId,
        ]),
      );
    } finally {
      await relay.stop();
    }
  });
});

describe('when another writer slips a message into the stream mid-batch', () => {
  it('abandons the batch without an unhandled failure, re-reads the head and publishes every event once', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const { store, relay } = await relayFor('horizon_intruded');
    try {
      const stored = await store.transaction((tx) =>
        store.append(tx, [
          {
            streamId: `item-${newId()}`,
            expectedVersion: 0,
            events: Array.from({ length: 3000 }, () => ({ type: 'made', data: {}, metadata })),
          },
        ]),
      );
      await eventually(
        async () => expect((await jsm.streams.info('HORIZON_INTRUDED')).state.messages).toBeGreaterThan(0),
        {
          intervalMs: 1,
        },
      );
      await nats.publish('horizon_intruded.intruder.1.came', '{"id":"intruder"}');
      await eventually(
        async () => {
          const ids = await published('HORIZON_INTRUDED');
          expect(ids.filter((id) => id !== 'intruder')).toEqual(stored.map((e) => e.eventId));
        },
        { timeoutMs: 30_000 },
      );
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await relay.stop();
    }
  }, 60_000);
});

describe('readAll (projections, rebuilds, tests)', () => {
  it('reads past a transaction open in another database, and stops before one open in its own', async () => {
    await migrateEventStore(pool, 'horizon_read');
    const store = createEventStore({ pool, schema: 'horizon_read', service: 'horizon_read' });
    const unrelated = await openTransaction(otherPool);
    const late = await openTransaction(pool);
    try {
      const [lateEvent] = await appendOne(store, late.client);
      const [event] = await store.transaction((tx) => appendOne(store, tx));
      // Behind the same database's open transaction: nothing after it is final yet.
      expect(await store.readAll(START)).toEqual([]);
      await late.end();
      // The other database's transaction is still open: it does not hold this log back.
      const read = await store.readAll(START);
      expect(read.map((e) => e.eventId)).toEqual([lateEvent!.eventId, event!.eventId]);
    } finally {
      await unrelated.end();
    }
  });
});
