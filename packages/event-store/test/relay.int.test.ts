import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { newId } from '@omni/contracts';
import {
  START,
  createEventStore,
  migrateEventStore,
  startRelay,
  type EventStore,
  type StoredEvent,
} from '@omni/event-store';
import { connectNats } from '@omni/messaging';
import {
  createTestDatabase,
  eventually,
  startTestNats,
  type TestDatabase,
  type TestNatsServer,
} from '@omni/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const FIXTURE = fileURLToPath(new URL('./fixtures/relay-process.mjs', import.meta.url));
const metadata = { correlationId: 'test', causationId: 'test' };

let database: TestDatabase;
let natsServer: TestNatsServer;
let pool: pg.Pool;
let nats: NatsConnection;
let jsm: JetStreamManager;

beforeAll(async () => {
  [database, natsServer] = await Promise.all([createTestDatabase(), startTestNats()]);
  pool = new pg.Pool({ connectionString: database.url, max: 20 });
  nats = await connectNats({ url: natsServer.url, name: 'relay-test' });
  jsm = await jetstreamManager(nats);
});

afterAll(async () => {
  await nats.close();
  await pool.end();
  await Promise.all([database.drop(), natsServer.dispose()]);
});

async function freshStore(schema: string): Promise<EventStore> {
  await migrateEventStore(pool, schema);
  return createEventStore({ pool, schema, service: schema });
}

/** Every message the stream holds, in sequence order: [event id, stream sequence]. */
async function streamContents(stream: string): Promise<{ id: string; seq: number }[]> {
  const { state } = await jsm.streams.info(stream);
  if (state.messages === 0) return [];
  const consumer = await jetstream(nats).consumers.get(stream);
  const messages = await consumer.consume();
  const contents: { id: string; seq: number }[] = [];
  for await (const message of messages) {
    contents.push({ id: message.json<{ id: string }>().id, seq: message.seq });
    if (message.info.pending === 0) break;
  }
  return contents;
}

async function allEventsInStoreOrder(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (let batch = await store.readAll(START, { limit: 5000 }); batch.length;) {
    events.push(...batch);
    batch = await store.readAll(store.positionOf(batch[batch.length - 1]!), { limit: 5000 });
  }
  return events;
}

function appendBatch(store: EventStore, size: number, rollback: boolean): Promise<StoredEvent[]> {
  const work = store.transaction(async (tx) => {
    const stored = await store.append(tx, [
      {
        streamId: `item-${newId()}`,
        expectedVersion: 0,
        events: Array.from({ length: size }, () => ({ type: 'made', data: {}, metadata })),
      },
    ]);
    if (rollback) throw new Error('rolled back on purpose');
    return stored;
  });
  return rollback ? work.catch(() => []) : work;
}

/** Relay processes still alive when a test ends (it failed): killed, so none outlives the suite. */
const relays = new Set<ChildProcess>();
afterEach(() => {
  for (const relay of relays) relay.kill('SIGKILL');
});

function spawnRelay(schema: string): ChildProcess {
  const relay = spawn(process.execPath, [FIXTURE, database.url, natsServer.url, schema], { stdio: 'ignore' });
  relays.add(relay);
  relay.once('exit', () => relays.delete(relay));
  return relay;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

/** Messages in a stream so far; 0 before the first relay has created it. */
async function messagesIn(stream: string): Promise<number> {
  return (await jsm.streams.info(stream).catch(() => null))?.state.messages ?? 0;
}

it('publishes every committed event exactly once, in store order, while its process is SIGKILLed again and again', async () => {
  const KILLS = 8;
  const store = await freshStore('crashy');
  let killing = true;
  const writer = (async () => {
    // Appends go on until every kill has happened, however fast or slow this machine is.
    for (let appended = 0; killing || appended < 2_000;) {
      const stored = await appendBatch(store, 1 + Math.floor(Math.random() * 20), Math.random() < 0.1);
      appended += stored.length;
    }
  })();

  for (let kills = 0; kills < KILLS; kills++) {
    const relay = spawnRelay('crashy');
    const before = await messagesIn('CRASHY');
    // Kill it while it works: once it has published since it started, then at a random instant soon
    // after (mid-window, between publish and position, ...). The delay varies where the kill lands; it
    // synchronises nothing.
    await eventually(async () => expect(await messagesIn('CRASHY')).toBeGreaterThan(before), {
      timeoutMs: 60_000,
    });
    await new Promise((r) => setTimeout(r, Math.random() * 100));
    relay.kill('SIGKILL');
    await exited(relay);
  }
  killing = false;
  await writer;

  const finalRelay = spawnRelay('crashy');
  const committed = await allEventsInStoreOrder(store);
  await eventually(async () => expect(await messagesIn('CRASHY')).toBe(committed.length), {
    timeoutMs: 60_000,
  });
  finalRelay.kill('SIGTERM');
  await exited(finalRelay);

  const published = await streamContents('CRASHY');
  expect(published.map((m) => m.id)).toEqual(committed.map((e) => e.eventId));
}, 300_000);

it('republishes what the stream lost from its tail after a restart', async () => {
  const store = await freshStore('lossy');
  const relay = await startRelay({ store, nats, pollIntervalMs: 50 });
  for (let i = 0; i < 10; i++) await appendBatch(store, 5, false);
  await eventually(async () => expect((await jsm.streams.info('LOSSY')).state.messages).toBe(50));
  await relay.stop();

  // As an OS crash before fsync would: the last 10 acknowledged messages are gone after the restart.
  for (let seq = 50; seq > 40; seq--) await jsm.streams.deleteMessage('LOSSY', seq, true);
  await natsServer.restart({ hard: true });
  await eventually(() => jsm.streams.info('LOSSY'), { timeoutMs: 20_000 });

  const restarted = await startRelay({ store, nats, pollIntervalMs: 50 });
  await eventually(async () => expect((await jsm.streams.info('LOSSY')).state.messages).toBe(50), {
    timeoutMs: 20_000,
  });
  await restarted.stop();

  const committed = await allEventsInStoreOrder(store);
  expect((await streamContents('LOSSY')).map((m) => m.id)).toEqual(committed.map((e) => e.eventId));
}, 60_000);

it('two relays for one service never publish an event twice', async () => {
  const store = await freshStore('twins');
  const [first, second] = await Promise.all([
    startRelay({ store, nats, pollIntervalMs: 50 }),
    startRelay({ store, nats, pollIntervalMs: 50 }),
  ]);
  for (let i = 0; i < 50; i++) await appendBatch(store, 10, false);
  await eventually(async () => expect((await jsm.streams.info('TWINS')).state.messages).toBe(500));
  expect([first.isLeader, second.isLeader].filter(Boolean)).toHaveLength(1);
  await Promise.all([first.stop(), second.stop()]);

  const ids = (await streamContents('TWINS')).map((m) => m.id);
  expect(new Set(ids).size).toBe(500);
  expect(ids).toEqual((await allEventsInStoreOrder(store)).map((e) => e.eventId));
}, 60_000);
