// Event store and relay benchmarks (issue #2). Run with `npm run bench:event-store` after `npm run build`.
// Each figure is compared with a raw baseline measured in the same run, on the same machine, against
// a fresh database and a private nats-server.
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { newId, toCloudEvent } from '@omni/contracts';
import { START, createEventStore, migrateEventStore, startRelay } from '@omni/event-store';
import { connectNats, ensureServiceStream } from '@omni/messaging';
import { createTestDatabase, startTestNats } from '@omni/testing';
import pg from 'pg';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WRITERS = 8;
const metadata = { correlationId: newId(), causationId: newId() };
const payload = { productId: newId(), locationId: newId(), quantity: 5, reference: 'PO-1234' };

const database = await createTestDatabase('omni_bench');
const natsServer = await startTestNats();
const pool = new pg.Pool({ connectionString: database.url, max: WRITERS + 4 });
const results = [];

try {
  await migrateEventStore(pool, 'bench');
  const store = createEventStore({ pool, schema: 'bench', service: 'bench' });

  // 1. single-event appends at 8 writers vs raw single-row INSERT transactions
  await pool.query('CREATE TABLE bench.raw_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, data jsonb NOT NULL)');
  const raw = await forDuration(WRITERS, async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO bench.raw_events (data) VALUES ($1)', [JSON.stringify(payload)]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    return 1;
  });
  const versions = Array.from({ length: WRITERS }, () => ({ stream: `product-${newId()}`, version: 0 }));
  const single = await forDuration(WRITERS, async (writer) => {
    const s = versions[writer];
    await store.transaction((tx) =>
      store.append(tx, [{ streamId: s.stream, expectedVersion: s.version, events: [{ type: 'stock_received', data: payload, metadata }] }]),
    );
    s.version++;
    return 1;
  });
  results.push(row('single-event appends, 8 writers', single, raw, 'raw single-row INSERT transactions, 8 writers', 0.6));

  // 2. batched appends, 100 events per transaction
  const batch = Array.from({ length: 100 }, () => ({ type: 'stock_received', data: payload, metadata }));
  const batched = await forDuration(4, async () => {
    await store.transaction((tx) => store.append(tx, [{ streamId: `product-${newId()}`, expectedVersion: 0, events: batch }]));
    return 100;
  });
  results.push({ benchmark: 'batched appends, 100 events/transaction, 4 writers', value: `${fmt(batched)} events/s`, goal: '≥ 40,000 events/s', met: batched >= 40_000 });

  // 3. relay publish rate vs raw nats.js async publish of the same payloads
  const nats = await connectNats({ url: natsServer.url, name: 'bench' });
  const jsm = await jetstreamManager(nats);
  const js = jetstream(nats);
  const all = [];
  for (let batchOf = await store.readAll(START, { limit: 20_000 }); batchOf.length && all.length < 20_000; ) {
    all.push(...batchOf);
    batchOf = await store.readAll(store.positionOf(batchOf.at(-1)), { limit: 20_000 });
  }
  const sample = all.slice(0, 20_000);
  await jsm.streams.add({ name: 'RAWBENCH', subjects: ['rawbench.>'] });
  const rawStarted = performance.now();
  const window = [];
  for (const event of sample) {
    const envelope = JSON.stringify(toCloudEvent({ eventId: event.eventId, service: 'bench', aggregate: 'product', aggregateId: event.streamId.slice(8), eventType: event.eventType, data: event.data, streamVersion: event.streamVersion, recordedAt: event.recordedAt, metadata: event.metadata }));
    const h = natsHeaders();
    h.set('Omni-Position', `${event.transactionId}:${event.globalPosition}`);
    window.push(js.publish(`rawbench.product.${event.streamId.slice(8)}.${event.eventType}`, envelope, { msgID: event.eventId, headers: h }));
    if (window.length >= 256) await window.shift();
  }
  await Promise.all(window);
  const rawPublish = sample.length / ((performance.now() - rawStarted) / 1000);

  // The relay publishes everything in the store (single + batched appends above) into BENCH.
  const total = (await pool.query('SELECT count(*)::int AS n FROM bench.events')).rows[0].n;
  await ensureServiceStream(nats, 'bench');
  const relayStarted = performance.now();
  const relay = await startRelay({ store, nats, pollIntervalMs: 10 });
  while ((await jsm.streams.info('BENCH')).state.messages < total) await sleep(20);
  const relayRate = total / ((performance.now() - relayStarted) / 1000);
  results.push(row(`relay publish rate (${fmt(total)} events)`, relayRate, rawPublish, 'raw nats.js async publish, 256 in flight', 0.7));

  // 4. relay lag at 1,000 events/s: commit → message received by a JetStream consumer
  const committedAt = new Map();
  const lags = [];
  const consumer = await js.consumers.get('BENCH', { filter_subjects: 'bench.lag.>', deliver_policy: 'new' });
  const messages = await consumer.consume();
  const collecting = (async () => {
    for await (const m of messages) {
      const id = m.json().id;
      const at = committedAt.get(id);
      if (at !== undefined) lags.push(performance.now() - at);
    }
  })();
  const lagStream = `lag-${newId()}`;
  const started = performance.now();
  for (let i = 0; i < SECONDS * 1000; i++) {
    const due = started + i; // one event per millisecond
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const eventId = newId();
    await store.transaction((tx) => store.append(tx, [{ streamId: lagStream, expectedVersion: i, events: [{ type: 'ticked', data: payload, metadata, eventId }] }]));
    committedAt.set(eventId, performance.now());
  }
  while (lags.length < committedAt.size * 0.999 && performance.now() - started < SECONDS * 1000 + 10_000) await sleep(50);
  await messages.close();
  await collecting;
  await relay.stop();
  await nats.close();
  lags.sort((a, b) => a - b);
  const pct = (p) => lags[Math.min(lags.length - 1, Math.floor(lags.length * p))];
  const achieved = committedAt.size / ((performance.now() - started) / 1000);
  results.push({ benchmark: `relay lag at 1,000 events/s (${fmt(lags.length)} events)`, value: `p50 ${pct(0.5).toFixed(1)} ms, p99 ${pct(0.99).toFixed(1)} ms`, goal: 'p99 < 20 ms', met: pct(0.99) < 20 });
  void achieved;
} finally {
  await pool.end();
  await database.drop();
  await natsServer.dispose();
}

console.log(`\nnode ${process.version}, ${SECONDS} s per measurement\n`);
console.log('| benchmark | result | goal | met |\n| --- | --- | --- | --- |');
for (const r of results) console.log(`| ${r.benchmark} | ${r.value} | ${r.goal} | ${r.met ? 'yes' : 'no'} |`);

async function forDuration(writers, operation) {
  let done = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: writers }, async (_, writer) => {
    while (performance.now() < until) {
      const completed = await operation(writer); // not `done += await …`: that reads `done` before awaiting
      done += completed;
    }
  }));
  return done / ((performance.now() - started) / 1000);
}

function row(benchmark, value, baseline, baselineName, goal) {
  const ratio = value / baseline;
  return {
    benchmark,
    value: `${fmt(value)}/s = ${(ratio * 100).toFixed(0)}% of ${baselineName} (${fmt(baseline)}/s)`,
    goal: `≥ ${goal * 100}%`,
    met: ratio >= goal,
  };
}

function fmt(n) {
  return Math.round(n).toLocaleString('en-US');
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
