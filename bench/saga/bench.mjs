// The fulfilment saga under load (issue #5): `npm run bench:saga`. Gateway, inventory, orders and
// payments started as `npm start` does; status changes observed on the WebSocket bridge.
import { startSystem } from '@omni/testing';
import WebSocket from 'ws';

const RATE = Number(process.env.BENCH_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const system = await startSystem({ env: { LOG_LEVEL: 'warn' } });
const rows = [];

try {
  const token = (await post('/auth/login', { email: 'admin@omni.local', password: 'omni-admin' })).accessToken;
  const auth = { authorization: `Bearer ${token}` };
  const location = await post('/inventory/locations', { code: `SAGA-${Date.now()}`, name: 'Bench' }, auth);
  const products = [];
  for (let i = 0; i < 20; i++) {
    const product = await post('/inventory/products', { sku: `SAGA-${Date.now()}-${i}`, name: `Saga ${i}`, price: { amount: 100, currency: 'EUR' } }, auth);
    await post(`/inventory/products/${product.id}/receipts`, { locationId: location.id, quantity: 100_000 }, auth);
    products.push(product);
  }
  // Orders learns prices from inventory's events.
  await eventually(() => post('/orders', { customer: { name: 'warm-up' }, locationId: location.id, lines: [{ productId: products[19].id, quantity: 1 }] }, auth));

  const statusAt = new Map(); // `${orderId}:${status}` → arrival time
  const waiters = new Map();
  const socket = new WebSocket(`${system.baseUrl.replace('http', 'ws')}/ws?access_token=${token}`);
  await new Promise((resolve) => socket.once('open', resolve));
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data));
    if (frame.op !== 'event') return;
    const key = `${frame.event.subject}:${frame.event.data.to}`;
    statusAt.set(key, performance.now());
    waiters.get(key)?.();
  });
  socket.send(JSON.stringify({ op: 'subscribe', id: 's', subject: 'orders.order.*.status_changed' }));
  await sleep(300);
  const reached = (orderId, status) =>
    statusAt.has(`${orderId}:${status}`) ? Promise.resolve() : new Promise((resolve) => waiters.set(`${orderId}:${status}`, resolve));

  const oneOrder = async (i) => {
    const placedAt = performance.now();
    const order = await post('/orders', { customer: { name: `c${i}` }, locationId: location.id, lines: [{ productId: products[i % 19].id, quantity: 1 }] }, auth);
    const answeredAt = performance.now();
    await reached(order.id, 'awaiting_payment');
    // Payments' view of the order may still trail orders under load: retry as a client would.
    await eventually(() => post('/payments', { orderId: order.id, amount: order.total, method: 'card' }, auth));
    const paidAnsweredAt = performance.now();
    await reached(order.id, 'paid');
    return {
      toAwaiting: statusAt.get(`${order.id}:awaiting_payment`) - answeredAt,
      toPaid: statusAt.get(`${order.id}:paid`) - paidAnsweredAt,
      total: statusAt.get(`${order.id}:paid`) - placedAt,
    };
  };

  // Open loop: one order every 20 ms.
  const started = performance.now();
  const flows = [];
  for (let i = 0; i < RATE * SECONDS; i++) {
    const wait = started + (i * 1000) / RATE - performance.now();
    if (wait > 0) await sleep(wait);
    flows.push(oneOrder(i));
  }
  const results = await Promise.all(flows);
  const pct = (values, q) => values.sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))];
  const awaiting = results.map((r) => Math.max(0, r.toAwaiting));
  const paid = results.map((r) => Math.max(0, r.toPaid));
  rows.push({ benchmark: `placement answered → awaiting_payment, ${RATE} orders/s (${results.length} orders)`, result: `p50 ${pct(awaiting, 0.5).toFixed(0)} ms, p99 ${pct(awaiting, 0.99).toFixed(0)} ms`, goal: 'p99 < 100 ms', met: pct(awaiting, 0.99) < 100 });
  rows.push({ benchmark: `payment answered → paid, ${RATE} orders/s`, result: `p50 ${pct(paid, 0.5).toFixed(0)} ms, p99 ${pct(paid, 0.99).toFixed(0)} ms`, goal: 'p99 < 100 ms', met: pct(paid, 0.99) < 100 });

  // Closed loop: as many orders as 16 clients can take from placement to paid.
  let completed = 0;
  const until = performance.now() + SECONDS * 1000;
  const closedStarted = performance.now();
  await Promise.all(Array.from({ length: 16 }, async (_, w) => {
    for (let i = w; performance.now() < until; i += 16) {
      await oneOrder(100_000 + i);
      completed++;
    }
  }));
  const rate = completed / ((performance.now() - closedStarted) / 1000);
  rows.push({ benchmark: 'sustained order rate, placed and paid (16 clients)', result: `${rate.toFixed(0)} orders/s`, goal: 'measure', met: true });
  socket.close();
} finally {
  await system.stop();
}

console.log(`\nnode ${process.version}\n`);
console.log('| benchmark | result | goal | met |\n| --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.benchmark} | ${r.result} | ${r.goal} | ${r.met ? 'yes' : 'no'} |`);

async function post(path, body, headers = {}) {
  const response = await fetch(`${system.baseUrl}/api/v1${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function eventually(work) {
  for (let i = 0; ; i++) {
    try {
      return await work();
    } catch (error) {
      if (i > 600) throw error;
      await sleep(100);
    }
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
