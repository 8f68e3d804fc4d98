// Dashboards benchmark (issue #13): `npm run bench:dashboards`. The whole system started as
// `npm start` does (own database, private NATS).
//
// The sales dashboard over 100,000 orders, read one request at a time through the gateway: p99 goal
// < 30 ms. The orders are spread over the last 90 days and 1,000 products (1–3 lines each); 70% are
// paid, 10% cancelled, 3% rejected. Their events (placed, status changes, cancellations, payments
// recorded and refunded) are folded straight into analytics' live read models by the projections'
// own code (`applyStreamEvents`, as the stream runner does), in transactions of 1,000 events: the
// same rows the system would hold after those events, without pushing 300,000 events through the
// saga (whose reactions would reserve stock for every order). The folded tables are vacuumed every
// 50,000 events and vacuumed and analysed at the end, as autovacuum does in a running system (the
// machine's PostgreSQL may run with autovacuum off, as the shared CI server does): the benchmark
// measures that steady state, not the minute after a bulk load that no vacuum followed.
//
//   BENCH_ORDERS=100000   orders to fold
import { newId } from '@omni/contracts';
import { applyStreamEvents, liveTables } from '@omni/projections';
import { startSystem } from '@omni/testing';
import { loadavg } from 'node:os';
import pg from 'pg';
import { revenueByDayProjection } from '../../services/analytics/dist/projections/revenueByDay/projection.js';
import { salesByDayProjection } from '../../services/analytics/dist/projections/salesByDay/projection.js';
import { fmt, get, measureReads, post } from '../http.mjs';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const DAYS = 90;
const PRODUCTS = Array.from({ length: 1000 }, (_, i) => ({
  productId: newId(),
  sku: `B-${i}`,
  name: `Product ${i}`,
}));
const BATCH = 1000;
const VACUUM_EVERY_BATCHES = 50;
const DAY_MS = 86_400_000;
const money = (amount) => ({ amount, currency: 'EUR' });
let seq = 0; // the made-up stream sequence of each folded event
const system = await startSystem({ env: { LOG_LEVEL: 'warn' }, readyTimeoutMs: 240_000 });

try {
  const token = (
    await post(system.baseUrl, '/auth/login', { email: 'admin@omni.local', password: 'omni-admin' })
  ).accessToken;
  const auth = { authorization: `Bearer ${token}` };

  const t0 = performance.now();
  const folded = await foldOrders();
  const seedSeconds = (performance.now() - t0) / 1000;
  const loadBefore = loadavg();
  const check = await get(system.baseUrl, `/dashboards/sales?from=${dayAgo(DAYS)}&to=${dayAgo(0)}`, auth);
  if (check.totals.ordersPlaced !== ORDERS)
    throw new Error(`expected ${ORDERS} orders, the dashboard shows ${check.totals.ordersPlaced}`);

  const ranges = [
    ['default (last 30 days)', ''],
    ['today', `from=${dayAgo(0)}&to=${dayAgo(0)}`],
    ['last 7 days', `from=${dayAgo(6)}&to=${dayAgo(0)}`],
    ['all 91 days the orders touch', `from=${dayAgo(DAYS)}&to=${dayAgo(0)}`],
    ['a year (366 days, the cap)', `from=${dayAgo(365)}&to=${dayAgo(0)}`],
  ];
  const rows = [];
  for (const [name, query] of ranges)
    rows.push([name, await measureReads(system.baseUrl, `/dashboards/sales?${query}`, auth)]);
  const operations = await measureReads(system.baseUrl, '/dashboards/operations', auth);

  const load = (l) => l.map((n) => n.toFixed(2)).join(', ');
  console.log(`\nload average before the reads ${load(loadBefore)}, after ${load(loadavg())} (1, 5, 15 min)`);
  console.log(
    `node ${process.version}; ${fmt(ORDERS)} orders over ${DAYS} days and ${PRODUCTS.length} products: ${fmt(folded)} events folded in ${seedSeconds.toFixed(0)} s\n`,
  );
  console.log('| benchmark | throughput | p50 | p99 | errors | goal |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [name, r] of rows)
    console.log(
      `| sales dashboard, 100k orders: ${name} | ${fmt(r.rate)}/s (one client) | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.failures} | p99 < 30 ms |`,
    );
  console.log(
    `| operations dashboard | ${fmt(operations.rate)}/s (one client) | ${operations.p50.toFixed(1)} ms | ${operations.p99.toFixed(1)} ms | ${operations.failures} | measure |`,
  );
} finally {
  await system.stop();
}

function dayAgo(days) {
  return new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);
}

/** Folds ORDERS orders' events into analytics' live sales read models; returns the events folded. */
async function foldOrders() {
  const pool = new pg.Pool({ connectionString: system.database.url, max: 1 });
  const sales = liveTables('analytics', salesByDayProjection);
  const revenue = liveTables('analytics', revenueByDayProjection);
  const vacuum = async (options) => {
    for (const table of [...Object.values(sales), ...Object.values(revenue)])
      await pool.query(`VACUUM ${options} ${table}`);
  };
  let batches = 0;
  let orderEvents = [];
  let paymentEvents = [];
  let folded = 0;
  const flush = async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await applyStreamEvents(client, salesByDayProjection, orderEvents, sales, console);
      await applyStreamEvents(client, revenueByDayProjection, paymentEvents, revenue, console);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    folded += orderEvents.length + paymentEvents.length;
    if (++batches % VACUUM_EVERY_BATCHES === 0) await vacuum('');
    orderEvents = [];
    paymentEvents = [];
  };
  for (let i = 0; i < ORDERS; i++) {
    const placedAt = Date.now() - Math.floor(((i + 0.5) / ORDERS) * DAYS * DAY_MS);
    const { orders, payments } = orderHistory(i, placedAt);
    orderEvents.push(...orders);
    paymentEvents.push(...payments);
    if (orderEvents.length + paymentEvents.length >= BATCH) await flush();
  }
  await flush();
  await vacuum('(ANALYZE)');
  await pool.end();
  return folded;
}

function cloudEvent(service, type, subject, data, at, version) {
  return {
    seq: ++seq,
    event: {
      specversion: '1.0',
      id: newId(),
      source: `omni/${service}`,
      type,
      subject,
      time: new Date(at).toISOString(),
      datacontenttype: 'application/json',
      data,
      streamversion: version,
      correlationid: 'bench',
      causationid: 'bench',
    },
  };
}

/** One order's events: placed, then paid (with its payment), cancelled (refunded if paid) or rejected. */
function orderHistory(i, placedAt) {
  const orderId = newId();
  const lines = Array.from({ length: 1 + (i % 3) }, (_, k) => {
    const product = PRODUCTS[(i * 7 + k * 131) % PRODUCTS.length];
    const quantity = 1 + ((i + k) % 4);
    const unitPrice = 500 + ((i * 13 + k) % 50) * 100;
    return { ...product, quantity, unitPrice: money(unitPrice), lineTotal: money(unitPrice * quantity) };
  });
  const total = money(lines.reduce((n, l) => n + l.lineTotal.amount, 0));
  const event = (type, data, at, version) =>
    cloudEvent('orders', `orders.order.${type}`, orderId, { orderId, ...data }, at, version);
  const orders = [
    event(
      'placed',
      { customer: { name: `C${i}` }, locationId: PRODUCTS[0].productId, lines, total, notes: null },
      placedAt,
      1,
    ),
  ];
  const payments = [];
  const outcome = i % 100;
  if (outcome < 3) {
    orders.push(
      event(
        'status_changed',
        { from: 'pending', to: 'rejected', reason: 'insufficient_stock' },
        placedAt + 1,
        2,
      ),
    );
    return { orders, payments };
  }
  orders.push(event('status_changed', { from: 'pending', to: 'awaiting_payment' }, placedAt + 1, 2));
  const paymentId = newId();
  if (outcome < 73) {
    payments.push(
      cloudEvent(
        'payments',
        'payments.payment.recorded',
        paymentId,
        { paymentId, orderId, amount: total, method: 'card', reference: null },
        placedAt + 60_000,
        1,
      ),
    );
    orders.push(event('status_changed', { from: 'awaiting_payment', to: 'paid' }, placedAt + 60_000, 3));
  } else if (outcome < 83) {
    orders.push(event('cancelled', { reason: 'customer', paid: money(0) }, placedAt + 120_000, 3));
  }
  return { orders, payments };
}
