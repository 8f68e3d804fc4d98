// Realtime and replay benchmarks (issue #4), against the whole system started as `npm start` does.
//   npm run bench:realtime -- latency | fanout | replay     (default: all three)
// The load generators share the machine's two cores with the system, PostgreSQL and NATS.
import { newId } from '@omni/contracts';
import { createEventStore } from '@omni/event-store';
import { startSystem } from '@omni/testing';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import pg from 'pg';
import WebSocket from 'ws';

const which = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wanted = (name) => which.length === 0 || which.includes(name);
const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 10_000);
const rows = [];
const system = await startSystem({ env: { LOG_LEVEL: 'warn' } });

try {
  const token = (await post('/auth/login', { email: 'admin@omni.local', password: 'omni-admin' })).accessToken;
  const auth = { authorization: `Bearer ${token}` };
  const location = await post('/inventory/locations', { code: `RT-${Date.now()}`, name: 'Bench' }, auth);
  const products = [];
  for (let i = 0; i < 20; i++) products.push(await post('/inventory/products', { sku: `RT-${Date.now()}-${i}`, name: `RT ${i}`, price: { amount: 1, currency: 'EUR' } }, auth));
  const receipt = (product) => post(`/inventory/products/${product.id}/receipts`, { locationId: location.id, quantity: 1 }, auth);

  if (wanted('latency')) rows.push(await latency(token, products, receipt));
  if (wanted('fanout')) rows.push(...(await fanout(token, products, receipt)));
  if (wanted('replay')) rows.push(await replay());
} finally {
  await system.stop();
}

console.log(`\nnode ${process.version}\n`);
console.log('| benchmark | result | goal | met |\n| --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.benchmark} | ${r.result} | ${r.goal} | ${r.met ? 'yes' : 'no'} |`);

/** Command committed (REST 201 received) → the event arrives on a subscribed socket, at 200 commands/s. */
async function latency(token, products, receipt) {
  const socket = await openSocket(token);
  const arrivals = new Map();
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data));
    // From the event's own timestamp (the committing transaction's clock, same machine) to arrival.
    if (frame.op === 'event') arrivals.set(frame.event.id, Date.now() - Date.parse(frame.event.time));
  });
  socket.send(JSON.stringify({ op: 'subscribe', id: 'all', subject: 'inventory.product.*.stock_received' }));
  await sleep(300);
  const started = performance.now();
  const inFlight = [];
  const commands = 200 * 10;
  for (let i = 0; i < commands; i++) {
    const wait = started + i * 5 - performance.now(); // open loop: one command every 5 ms
    if (wait > 0) await sleep(wait);
    inFlight.push(receipt(products[i % products.length]));
  }
  await Promise.all(inFlight);
  await sleep(1000);
  socket.close();
  const lags = [...arrivals.values()].sort((a, b) => a - b);
  const missing = commands - lags.length;
  const p = (q) => lags[Math.min(lags.length - 1, Math.floor(lags.length * q))];
  return {
    benchmark: `command committed → event on a socket, 200 commands/s (${commands} commands)`,
    result: `p50 ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms${missing ? `, ${missing} missing` : ''}`,
    goal: 'p99 < 25 ms',
    met: p(0.99) < 25 && missing === 0,
  };
}

/** SOCKETS sockets on one gateway process, one event per second: delivery p99 and gateway memory. */
async function fanout(token, products, receipt) {
  const sockets = [];
  const latencies = [];
  let sentAt = 0;
  let expectedSubject = '';
  for (let i = 0; i < SOCKETS; i++) {
    const socket = await openSocket(token);
    socket.on('message', (data) => {
      const text = String(data);
      if (sentAt && text.includes(expectedSubject)) latencies.push(performance.now() - sentAt);
    });
    socket.send(JSON.stringify({ op: 'subscribe', id: 'p', subject: 'inventory.product.>' }));
    sockets.push(socket);
  }
  await sleep(2000);
  const rssBefore = rssOf(system.pidOf('gateway'));
  let peakRss = rssBefore;
  for (let second = 0; second < 10; second++) {
    const product = products[second % products.length];
    expectedSubject = `"inventory.product.${product.id}.stock_received"`;
    sentAt = performance.now();
    await receipt(product);
    await sleep(1000);
    peakRss = Math.max(peakRss, rssOf(system.pidOf('gateway')));
  }
  sentAt = 0;
  for (const socket of sockets) socket.terminate();
  latencies.sort((a, b) => a - b);
  const p = (q) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? NaN;
  return [
    {
      benchmark: `fan-out to ${SOCKETS.toLocaleString('en-US')} sockets, 1 event/s for 10 s (${latencies.length.toLocaleString('en-US')} deliveries of ${(SOCKETS * 10).toLocaleString('en-US')})`,
      result: `delivery p50 ${p(0.5).toFixed(0)} ms, p99 ${p(0.99).toFixed(0)} ms (from the REST call)`,
      goal: 'p99 < 300 ms',
      met: p(0.99) < 300 && latencies.length === SOCKETS * 10,
    },
    {
      benchmark: `gateway memory with ${SOCKETS.toLocaleString('en-US')} sockets`,
      result: `RSS ${(rssBefore / 1e6).toFixed(0)} MB after connecting, peak ${(peakRss / 1e6).toFixed(0)} MB`,
      goal: '< 400 MB',
      met: peakRss < 400e6,
    },
  ];
}

/** `omni replay inventory` over a 50,000-event log vs raw batched INSERTs of as many rows. */
async function replay() {
  const pool = new pg.Pool({ connectionString: system.database.url, max: 4 });
  try {
    const store = createEventStore({ pool, schema: 'inventory', service: 'inventory' });
    const metadata = { correlationId: newId(), causationId: newId() };
    const locationId = newId();
    for (let i = 0; i < 2000; i++) {
      const productId = newId();
      const events = [
        { type: 'registered', data: { productId, sku: `RP-${productId}`, name: `Replay ${i}`, description: null, category: 'bench', price: { amount: 100, currency: 'EUR' }, reorderLevel: 0, attributes: {} }, metadata },
        ...Array.from({ length: 24 }, () => ({ type: 'stock_received', data: { productId, locationId, quantity: 1, reference: null }, metadata })),
      ];
      await store.transaction((tx) => store.append(tx, [{ streamId: `product-${productId}`, expectedVersion: 0, events }]));
    }
    const total = (await pool.query('SELECT count(*)::int AS n FROM inventory.events')).rows[0].n;
    await relayCaughtUp(total); // measure the replay alone, not the relay publishing the seed

    await pool.query(`CREATE TABLE public.raw_baseline (product_id uuid, stream_version int, line smallint, event_id uuid, event_type text,
      location_id uuid, quantity_delta int, reference text, reason text, order_id uuid, recorded_at timestamptz, PRIMARY KEY (product_id, stream_version, line))`);
    const rawStarted = performance.now();
    for (let done = 0; done < total; done += 5000) {
      const n = Math.min(5000, total - done);
      const ids = Array.from({ length: n }, () => newId());
      await pool.query(
        `INSERT INTO public.raw_baseline SELECT p, v, 0, e, 'stock_received', $3::uuid, 1, null, null, null, now()
           FROM unnest($1::uuid[], $2::int[], $1::uuid[]) AS t(p, v, e)`,
        [ids, ids.map((_, k) => k + 1), locationId],
      );
    }
    const rawRate = total / ((performance.now() - rawStarted) / 1000);

    const cli = await promisify(execFile)(process.execPath, ['packages/cli/bin/omni.js', '--json', 'replay', 'inventory'], {
      env: { ...process.env, NATS_URL: system.nats.url, DATABASE_URL: system.database.url },
    });
    const result = JSON.parse(cli.stdout);
    const ratio = result.eventsPerSecond / rawRate;
    return {
      benchmark: `replay of the inventory read models (${result.events.toLocaleString('en-US')} events, 3 projections)`,
      result: `${result.eventsPerSecond.toLocaleString('en-US')} events/s = ${(ratio * 100).toFixed(0)}% of raw batched INSERT (${Math.round(rawRate).toLocaleString('en-US')} rows/s)`,
      goal: '≥ 30,000 events/s',
      met: result.eventsPerSecond >= 30_000,
    };
  } finally {
    await pool.end();
  }
}

async function relayCaughtUp(total) {
  const { connectNats } = await import('@omni/messaging');
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const nats = await connectNats({ url: system.nats.url, name: 'bench' });
  const jsm = await jetstreamManager(nats);
  while ((await jsm.streams.info('INVENTORY')).state.messages < total) await sleep(200);
  await nats.close();
}

async function openSocket(token) {
  const socket = new WebSocket(`${system.baseUrl.replace('http', 'ws')}/ws?access_token=${token}`);
  await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
  return socket;
}

function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+) kB/)[1]) * 1024;
}

async function post(path, body, headers = {}) {
  const response = await fetch(`${system.baseUrl}/api/v1${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
