// Notification benchmarks (issue #12): `npm run bench:notification` (or `-- latency`, `-- fanout`).
// The whole system started as `npm start` does (own database, private NATS), in-app notifications only
// (no SMTP_URL: the e-mail copy is sent by its own loop after the notification is committed, outside
// the path measured here). The source events are low-stock crossings: one REST adjustment takes a
// product stocked above its reorder level below it (inventory.product.<id>.low_stock_detected), and
// the rule notifies every active manager and clerk (docs/notifications.md).
//
// 1. latency: one clerk subscribed to `notification.inbox.<their id>.created` on the WebSocket
//    bridge; BENCH_RATE crossings/s (default 200), open loop, for BENCH_SECONDS (default 20) after a
//    2 s warm-up. Latency from the source event's recorded time (its transaction's clock, same machine)
//    to the frame on the clerk's socket, split at the notification's own recorded time.
// 2. fanout: BENCH_RECIPIENTS users (default 1,000) with the clerk role created through POST /users,
//    then one crossing; time until the last inbox has it: the last `created` committed (read model,
//    inline in the same transaction) and the last frame on an admin's `notification.inbox.*.created`.
//
//   BENCH_CPU_PROFILE=<dir>   run every service with `node --cpu-prof` into <dir> (written at stop)
//
// The load generator shares the machine's two cores with the system, PostgreSQL and NATS.
import { jetstreamManager } from '@nats-io/jetstream';
import { connectNats } from '@omni/messaging';
import { startSystem } from '@omni/testing';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import WebSocket from 'ws';
import { fmt, inParallel, post } from '../http.mjs';

const which = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wanted = (name) => which.length === 0 || which.includes(name);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARM_UP_SECONDS = 2;
const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 1000);
const REORDER_LEVEL = 5;
const PASSWORD = 'correct horse battery';
const run = Date.now().toString(36);

const rows = [];
const notes = [];
const profileDir = process.env.BENCH_CPU_PROFILE;
const system = await startSystem({
  env: { LOG_LEVEL: 'warn', ...(profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {}) },
  readyTimeoutMs: 300_000,
});
const db = new pg.Pool({ connectionString: system.database.url, max: 2 });

try {
  const adminToken = await login('admin@omni.local', 'omni-admin');
  const admin = { authorization: `Bearer ${adminToken}` };
  const clerk = await createUser(admin, `bench-clerk-${run}@omni.test`);
  const location = await post(system.baseUrl, '/inventory/locations', { code: `NB-${run}`, name: 'Bench' }, admin);
  const crossingsNeeded = (wanted('latency') ? RATE * (SECONDS + WARM_UP_SECONDS) : 0) + (wanted('fanout') ? 1 : 0);
  const seedStarted = performance.now();
  const products = await stockedProducts(admin, location.id, crossingsNeeded);
  notes.push(`seeding ${fmt(products.length)} stocked products took ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`);
  const cross = (productId) =>
    post(
      system.baseUrl,
      `/inventory/products/${productId}/adjustments`,
      { locationId: location.id, quantityDelta: -6, reason: 'damaged' },
      admin,
    );
  await usersKnownToNotification(1);
  await consumersIdle();

  if (wanted('latency')) rows.push(...(await latency(clerk, products.splice(0, RATE * (SECONDS + WARM_UP_SECONDS)), cross)));
  if (wanted('fanout')) rows.push(...(await fanout(admin, adminToken, products.shift(), cross)));
} finally {
  await db.end();
  await system.stop();
}

console.log(`\nnode ${process.version}; ${notes.join('; ')}\n`);
console.log('| benchmark | result | goal | met |\n| --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.benchmark} | ${r.result} | ${r.goal} | ${r.met === undefined ? '—' : r.met ? 'yes' : 'no'} |`);

/**
 * RATE crossings a second, each on its own product, while the clerk's socket collects its inbox
 * frames. The first WARM_UP_SECONDS are not counted.
 */
async function latency(clerk, products, cross) {
  const socket = await openSocket(clerk.token);
  const arrivals = new Map(); // source event id → arrival of its notification (ms since epoch)
  const published = new Map(); // source event id → arrival of the source event itself (ms since epoch)
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data));
    if (frame.op !== 'event') return;
    if (frame.id === 'inbox') arrivals.set(frame.event.data.sourceEventId, Date.now());
    else published.set(frame.event.id, Date.now());
  });
  await subscribe(socket, `notification.inbox.${clerk.id}.created`, 'inbox');
  // The source events on the same socket: how long inventory's relay, NATS and the gateway take alone.
  await subscribe(socket, 'inventory.product.*.low_stock_detected', 'source');

  const warmUp = RATE * WARM_UP_SECONDS;
  const measured = new Set(); // product ids whose crossing counts
  const failures = [];
  const cpuBefore = cpuSeconds();
  const started = performance.now();
  const inFlight = [];
  for (let i = 0; i < products.length; i++) {
    const wait = started + (i * 1000) / RATE - performance.now(); // open loop
    if (wait > 0) await sleep(wait);
    if (i >= warmUp) measured.add(products[i]);
    inFlight.push(cross(products[i]).catch((error) => failures.push(error.message)));
  }
  await Promise.all(inFlight);
  const sent = products.length - failures.length;
  // What has not arrived by then counts as missing.
  await until(() => arrivals.size >= sent, 30_000, { orGiveUp: true });
  notes.push(`CPU during the latency run (cores): ${cpuShares(cpuBefore, cpuSeconds(), (performance.now() - started) / 1000)}`);
  if (failures.length) notes.push(`first REST failure: ${failures[0].slice(0, 200)}`);
  socket.close();

  // Source events and the clerk's notifications, with their recorded times, from the two logs.
  const { rows: paths } = await db.query(
    `SELECT s.data->>'productId' AS product_id, s.event_id::text AS source_id,
            (extract(epoch FROM s.recorded_at) * 1000)::float8 AS source_at,
            (extract(epoch FROM n.recorded_at) * 1000)::float8 AS notified_at
       FROM inventory.events s
       LEFT JOIN notification.events n
         ON n.event_type = 'created' AND n.stream_id = $1 AND n.data->>'sourceEventId' = s.event_id::text
      WHERE s.event_type = 'low_stock_detected'`,
    [`inbox-${clerk.id}`],
  );
  const counted = paths.filter((p) => measured.has(p.product_id));
  const total = [];
  const toCommit = [];
  const toSocket = [];
  const sourceToSocket = [];
  for (const p of counted) {
    const arrived = arrivals.get(p.source_id);
    if (published.has(p.source_id)) sourceToSocket.push(published.get(p.source_id) - p.source_at);
    if (arrived === undefined || p.notified_at === null) continue;
    total.push(arrived - p.source_at);
    toCommit.push(p.notified_at - p.source_at);
    toSocket.push(arrived - p.notified_at);
  }
  const missing = counted.length - total.length;
  notes.push(`the clerk's inbox during the latency run: ${await transactionsOf(`inbox-${clerk.id}`)}`);
  const head = `${RATE} crossings/s for ${SECONDS} s (${fmt(counted.length)} source events`;
  const tail = `${missing ? `, ${missing} missing` : ''}${failures.length ? `, ${failures.length} REST failures` : ''})`;
  return [
    {
      benchmark: `source event → notification frame on the recipient's socket, ${head}${tail}`,
      result: spread(total),
      goal: 'p99 < 50 ms',
      met: percentile(total, 0.99) < 50 && missing === 0 && failures.length === 0,
    },
    {
      benchmark: '… of which: source event recorded → notification recorded (relay, NATS, consumer, audience, command queue)',
      result: spread(toCommit),
      goal: '',
    },
    {
      benchmark: '… of which: notification recorded → frame (commit, relay, NATS, gateway, WebSocket)',
      result: spread(toSocket),
      goal: '',
    },
    {
      benchmark: 'reference, same socket: source event recorded → the source event itself as a frame (inventory relay, NATS, gateway)',
      result: spread(sourceToSocket),
      goal: '',
    },
  ];
}

/**
 * RECIPIENTS clerks more; one crossing. Counts the frames of that notification on an admin socket
 * following every inbox, and reads the recorded times of the `created` events from the log.
 */
async function fanout(admin, adminToken, productId, cross) {
  const created = performance.now();
  await inParallel(RECIPIENTS, 8, (i) => createUser(admin, `bench-fan-${run}-${i}@omni.test`, false));
  notes.push(`creating ${fmt(RECIPIENTS)} users took ${((performance.now() - created) / 1000).toFixed(0)} s`);
  const audience = RECIPIENTS + 1; // and the clerk of the latency run
  await usersKnownToNotification(audience);
  await consumersIdle();

  const socket = await openSocket(adminToken);
  const frames = []; // arrival times (ms since epoch)
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data));
    if (frame.op === 'event' && frame.event.data.resource.id === productId) frames.push(Date.now());
  });
  await subscribe(socket, 'notification.inbox.*.created');
  await cross(productId);
  await until(() => frames.length >= audience, 120_000, { orGiveUp: true });
  socket.close();

  const { rows } = await db.query(
    `SELECT s.event_id::text AS source_id, (extract(epoch FROM s.recorded_at) * 1000)::float8 AS source_at,
            count(n.*)::int AS notified,
            (extract(epoch FROM min(n.recorded_at)) * 1000)::float8 AS first_at,
            (extract(epoch FROM max(n.recorded_at)) * 1000)::float8 AS last_at
       FROM inventory.events s
       LEFT JOIN notification.events n ON n.event_type = 'created' AND n.data->>'sourceEventId' = s.event_id::text
      WHERE s.event_type = 'low_stock_detected' AND s.data->>'productId' = $1
      GROUP BY 1, 2`,
    [productId],
  );
  const [fan] = rows;
  notes.push(`the fan-out: ${await transactionsOf('inbox-%', fan.source_id)}`);
  const lastFrame = Math.max(...frames) - fan.source_at;
  return [
    {
      benchmark: `fan-out of one low-stock event to ${fmt(audience)} clerks: last inbox committed (read model)`,
      result: `${(fan.last_at - fan.source_at).toFixed(0)} ms after the source event (first at ${(fan.first_at - fan.source_at).toFixed(0)} ms; ${fmt(fan.notified)} notifications)`,
      goal: 'measure',
    },
    {
      benchmark: `… last of the ${fmt(audience)} frames on an admin socket following \`notification.inbox.*.created\``,
      result: `${lastFrame.toFixed(0)} ms after the source event (${fmt(frames.length)} frames; median frame at ${(percentile(frames, 0.5) - fan.source_at).toFixed(0)} ms)`,
      goal: 'measure',
    },
  ];
}

/**
 * How the notifications were grouped into transactions (the command processor's batches): how many,
 * how many notifications each, how far apart they started. `streams` is a LIKE pattern.
 */
async function transactionsOf(streams, sourceEventId) {
  const { rows } = await db.query(
    `WITH batches AS (
       SELECT transaction_id, count(*) AS size, min(recorded_at) AS started
         FROM notification.events
        WHERE stream_id LIKE $1 AND event_type = 'created' AND ($2::text IS NULL OR data->>'sourceEventId' = $2)
        GROUP BY 1)
     SELECT count(*)::int AS n, avg(size)::float8 AS mean, max(size)::int AS max,
            (extract(epoch FROM max(started) - min(started)) * 1000 / greatest(count(*) - 1, 1))::float8 AS apart
       FROM batches`,
    [streams, sourceEventId ?? null],
  );
  const [b] = rows;
  return `${fmt(b.n)} transactions of ${b.mean.toFixed(1)} notifications on average (at most ${b.max}), one every ${b.apart.toFixed(1)} ms`;
}

/** `count` products above their reorder level at the bench's location (16 requests in flight). */
async function stockedProducts(admin, locationId, count) {
  return inParallel(count, 16, async (i) => {
    const product = await post(
      system.baseUrl,
      '/inventory/products',
      { sku: `NB-${run}-${i}`, name: `Bench ${i}`, price: { amount: 100, currency: 'EUR' }, reorderLevel: REORDER_LEVEL },
      admin,
    );
    await post(system.baseUrl, `/inventory/products/${product.id}/receipts`, { locationId, quantity: 10 }, admin);
    return product.id;
  });
}

/** A user with the clerk role; with `signIn`, their id and access token. */
async function createUser(admin, email, signIn = true) {
  const user = await post(system.baseUrl, '/users', { email, name: 'Bench clerk', password: PASSWORD, roles: ['clerk'] }, admin);
  return signIn ? { id: user.id, token: await login(email, PASSWORD) } : { id: user.id };
}

/** Notification learns users and roles from the gateway's events: wait until it knows `count` clerks. */
async function usersKnownToNotification(count) {
  await until(async () => {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM notification.user_directory WHERE active AND 'clerk' = ANY(roles)`,
    );
    return rows[0].n >= count;
  }, 300_000);
}

/** Every durable consumer of INVENTORY and GATEWAY has handled everything: the seeding is over. */
async function consumersIdle() {
  const nats = await connectNats({ url: system.nats.url, name: 'bench-notification' });
  try {
    const jsm = await jetstreamManager(nats);
    await until(async () => {
      for (const stream of ['INVENTORY', 'GATEWAY']) {
        for await (const consumer of jsm.consumers.list(stream)) {
          if (consumer.num_pending > 0 || consumer.num_ack_pending > 0) return false;
        }
      }
      return true;
    }, 300_000);
  } finally {
    await nats.close();
  }
}

async function login(email, password) {
  return (await post(system.baseUrl, '/auth/login', { email, password })).accessToken;
}

async function openSocket(token) {
  const socket = new WebSocket(`${system.baseUrl.replace('http', 'ws')}/ws?access_token=${token}`);
  await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
  return socket;
}

/** Subscribes and waits for the `subscribed` answer (or fails on an `error` frame). */
function subscribe(socket, subject, id = 'bench') {
  return new Promise((resolve, reject) => {
    const answer = (data) => {
      const frame = JSON.parse(String(data));
      if (frame.id !== id || (frame.op !== 'subscribed' && frame.op !== 'error')) return;
      socket.off('message', answer);
      if (frame.op === 'error') reject(new Error(`${subject}: ${frame.code} ${frame.message}`));
      else resolve();
    };
    socket.on('message', answer);
    socket.send(JSON.stringify({ op: 'subscribe', id, subject }));
  });
}

/** CPU used so far by the whole machine, the system's own processes and this one (/proc, Linux only). */
function cpuSeconds() {
  const ticks = (stat) => stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 13).reduce((a, b) => a + Number(b), 0);
  const used = { machine: readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1, 4).reduce((a, b) => a + Number(b), 0) };
  for (const service of ['gateway', 'inventory', 'notification']) {
    try {
      used[service] = ticks(readFileSync(`/proc/${system.pidOf(service)}/stat`, 'utf8'));
    } catch {
      used[service] = NaN; // not on Linux, or the process is gone
    }
  }
  const own = process.cpuUsage(); // the load generator itself, in µs
  used['load generator'] = (own.user + own.system) / 10_000;
  return used; // in clock ticks: 100 a second
}

/** Cores used between two `cpuSeconds()` readings `seconds` apart. */
function cpuShares(before, after, seconds) {
  return Object.keys(after)
    .map((k) => `${k} ${((after[k] - before[k]) / 100 / seconds).toFixed(2)}`)
    .join(', ');
}

/** Polls `condition` every 50 ms; after `timeoutMs` throws, or with `orGiveUp` returns. */
async function until(condition, timeoutMs, { orGiveUp = false } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      if (orGiveUp) return;
      throw new Error(`not reached within ${timeoutMs} ms: ${condition}`);
    }
    await sleep(50);
  }
}

function spread(values) {
  const p = (q) => percentile(values, q).toFixed(1);
  return `p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms, max ${p(1)} ms`;
}

function percentile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
