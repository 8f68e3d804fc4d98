// Event store and relay benchmarks (issue #2). Run with `npm run bench:event-store` after `npm run build`.
// Each figure is compared with a raw baseline measured in the same run, on the same machine, against
// a fresh database and a private nats-server.
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { newId, toCloudEvent } from '@omni/contracts';
import { START, createCommandProcessor, createEventStore, migrateEventStore, startRelay, streamCommand } from '@omni/event-store';
import { connectNats, ensureServiceStream } from '@omni/messaging';
import { createTestDatabase, startTestNats } from '@omni/testing';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
// BENCH_ONLY=lag measures the relay's lag alone; BENCH_LAG_RUNS repeats it.
const ONLY_LAG = process.env.BENCH_ONLY === 'lag';
const LAG_RUNS = Number(process.env.BENCH_LAG_RUNS ?? 1);
const OTHER_DB_MS = Number(process.env.BENCH_OTHER_DB_MS ?? 20);
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

  const nats = await connectNats({ url: natsServer.url, name: 'bench' });
  const jsm = await jetstreamManager(nats);
  const js = jetstream(nats);
  await ensureServiceStream(nats, 'bench');
  if (!ONLY_LAG) {
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

    // 1b. the same single-event commands through the command processor: concurrent writers share transactions
    const processor = createCommandProcessor({ store });
    const receipts = { initialState: 0, decide: () => [{ type: 'stock_received', data: payload }], evolve: (n) => n + 1 };
    const streams = Array.from({ length: WRITERS }, () => `product-${newId()}`);
    const commanded = await forDuration(WRITERS, async (writer) => {
      await processor.execute(streamCommand({ streamId: streams[writer], decider: receipts, command: {}, metadata }));
      return 1;
    });
    results.push(row('single-event commands (command processor, group commit), 8 writers', commanded, raw, 'raw single-row INSERT transactions, 8 writers', 0.8));

    // 2. batched appends, 100 events per transaction
    const batch = Array.from({ length: 100 }, () => ({ type: 'stock_received', data: payload, metadata }));
    const batched = await forDuration(4, async () => {
      await store.transaction((tx) => store.append(tx, [{ streamId: `product-${newId()}`, expectedVersion: 0, events: batch }]));
      return 100;
    });
    await pool.query('CREATE TABLE bench.raw_batched (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, data jsonb NOT NULL)');
    const payloads = Array.from({ length: 100 }, () => JSON.stringify(payload));
    const rawBatched = await forDuration(4, async () => {
      await pool.query('INSERT INTO bench.raw_batched (data) SELECT unnest($1::jsonb[])', [payloads]);
      return 100;
    });
    results.push(row('batched appends, 100 events/transaction, 4 writers', batched, rawBatched, 'raw multi-row INSERT rows, 100 per statement, 4 writers', 0.6));

    // 3. relay publish rate vs raw nats.js async publish of the same payloads
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

    await relay.stop();
  }

  // 4. relay lag at 1,000 events/s: commit → message received by a JetStream consumer; alone, then
  // beside write transactions held open in another database of the same server (as other services'
  // or other applications' work would be), which once stalled the relay for as long as they lasted.
  for (let run = 1; run <= LAG_RUNS; run++) {
    for (const otherDbMs of [0, OTHER_DB_MS]) {
      const lag = await measureLag(store, nats, js, otherDbMs);
      const beside = otherDbMs ? `, beside ${otherDbMs} ms write transactions in another database` : '';
      results.push({ benchmark: `relay lag at 1,000 events/s (${fmt(lag.events)} events${beside})${LAG_RUNS > 1 ? `, run ${run}` : ''}`, value: `${lag.events ? `p50 ${lag.p50.toFixed(1)} ms, p99 ${lag.p99.toFixed(1)} ms` : 'no event published within 10 s of the last commit'} (meanwhile, longest PostgreSQL round trip ${lag.roundTripMax.toFixed(1)} ms, longest event-loop stall ${lag.loopDelayMax.toFixed(1)} ms)`, goal: 'p99 < 10 ms', met: lag.events > 0 && lag.p99 < 10 });
    }
  }
  await nats.close();
} finally {
  await pool.end();
  await database.drop();
  await natsServer.dispose();
}

console.log(`\nnode ${process.version}, ${SECONDS} s per measurement\n`);
console.log('| benchmark | result | goal | met |\n| --- | --- | --- | --- |');
for (const r of results) console.log(`| ${r.benchmark} | ${r.value} | ${r.goal} | ${r.met ? 'yes' : 'no'} |`);

/** Commits one event per millisecond on one stream and times each from its commit to a consumer. */
async function measureLag(store, nats, js, otherDbMs) {
  const stopOtherDb = otherDbMs ? holdTransactionsInAnotherDatabase(otherDbMs) : async () => {};
  const stopProbe = probeRoundTrips();
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  const relay = await startRelay({ store, nats, pollIntervalMs: 10 });
  const committedAt = new Map();
  const lags = [];
  const consumer = await js.consumers.get('BENCH', { filter_subjects: 'bench.lag.>', deliver_policy: 'new' });
  const messages = await consumer.consume();
  const collecting = (async () => {
    for await (const m of messages) {
      const at = committedAt.get(m.json().id);
      if (at !== undefined) lags.push(performance.now() - at);
    }
  })();
  const lagStream = `lag-${newId()}`;
  const started = performance.now();
  for (let i = 0; i < SECONDS * 1000; i++) {
    const wait = started + i - performance.now(); // one event per millisecond
    if (wait > 1) await sleep(wait);
    const eventId = newId();
    await store.transaction((tx) => store.append(tx, [{ streamId: lagStream, expectedVersion: i, events: [{ type: 'ticked', data: payload, metadata, eventId }] }]));
    committedAt.set(eventId, performance.now());
  }
  while (lags.length < committedAt.size * 0.999 && performance.now() - started < SECONDS * 1000 + 10_000) await sleep(50);
  await messages.close();
  await collecting;
  await relay.stop();
  await stopOtherDb();
  const roundTrips = await stopProbe();
  loopDelay.disable();
  return { events: lags.length, p50: percentile(lags, 0.5), p99: percentile(lags, 0.99), roundTripMax: Math.max(...roundTrips), loopDelayMax: loopDelay.max / 1e6 };
}

/**
 * The baseline of the same run: `SELECT 1` round trips to PostgreSQL every 5 ms while the lag is
 * measured. The relay needs two per batch, so a stall here (a machine whose cores are busy with
 * other work) shows up in the lag's tail too.
 */
function probeRoundTrips() {
  const times = [];
  let running = true;
  const probing = (async () => {
    const client = await pool.connect();
    try {
      while (running) {
        const t0 = performance.now();
        await client.query('SELECT 1');
        times.push(performance.now() - t0);
        await sleep(5);
      }
    } finally {
      client.release();
    }
  })();
  return async () => {
    running = false;
    await probing;
    return times;
  };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/** Two connections to another database, each holding a write transaction open for `ms` at a time. */
function holdTransactionsInAnotherDatabase(ms) {
  let running = true;
  const other = createTestDatabase('omni_bench_other');
  const holders = other.then((db) => {
    const otherPool = new pg.Pool({ connectionString: db.url, max: 2 });
    const hold = async (offset) => {
      await sleep(offset);
      while (running) {
        const client = await otherPool.connect();
        await client.query('BEGIN');
        await client.query('SELECT pg_current_xact_id()');
        await client.query(`SELECT pg_sleep(${ms / 1000})`);
        await client.query('COMMIT');
        client.release();
      }
    };
    return Promise.all([hold(0), hold(ms / 2)]).finally(() => otherPool.end());
  });
  return async () => {
    running = false;
    await holders;
    await (await other).drop();
  };
}

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
