// REST benchmarks (issue #3): stock receipts at 32 concurrent clients and product detail reads,
// through the whole system started as `npm start` does (gateway + inventory, own database, private
// NATS). Run with `npm run bench:rest`. The load generator shares the machine's two cores with the
// system under test, PostgreSQL and NATS.
import { startSystem } from '@omni/testing';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = 32;
const system = await startSystem({ env: { LOG_LEVEL: 'warn' } });

try {
  const token = (await post('/auth/login', { email: 'admin@omni.local', password: 'omni-admin' })).accessToken;
  const auth = { authorization: `Bearer ${token}` };
  const location = await post('/inventory/locations', { code: `BENCH-${Date.now()}`, name: 'Bench' }, auth);
  // One product per client: receipts on one product would serialise on its stream by design.
  const products = [];
  for (let i = 0; i < CLIENTS; i++) {
    products.push(await post('/inventory/products', { sku: `BENCH-${Date.now()}-${i}`, name: `Bench ${i}`, price: { amount: 100, currency: 'EUR' } }, auth));
  }

  const receipts = await load((client) =>
    request('POST', `/inventory/products/${products[client].id}/receipts`, { locationId: location.id, quantity: 1 }, auth, 201),
  );
  const reads = await load((client) => request('GET', `/inventory/products/${products[client].id}`, undefined, auth, 200));

  console.log(`\nnode ${process.version}, ${CLIENTS} concurrent clients, ${SECONDS} s each\n`);
  console.log('| benchmark | throughput | p50 | p99 | errors | goal |\n| --- | --- | --- | --- | --- | --- |');
  console.log(line('stock receipts (POST .../receipts)', receipts, '≥ 1,500/s with p99 < 50 ms'));
  console.log(line('product detail reads (GET /inventory/products/{id})', reads, '≥ 4,000/s'));
} finally {
  await system.stop();
}

async function load(operation) {
  const latencies = [];
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      while (performance.now() < until) {
        const t0 = performance.now();
        if (await operation(client)) latencies.push(performance.now() - t0);
        else errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  return { rate: latencies.length / seconds, p50: pct(0.5), p99: pct(0.99), errors };
}

async function request(method, path, body, headers, expected) {
  const response = await fetch(`${system.baseUrl}/api/v1${path}`, {
    method,
    headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  await response.arrayBuffer();
  return response.status === expected;
}

async function post(path, body, headers = {}) {
  const response = await fetch(`${system.baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

function line(name, r, goal) {
  return `| ${name} | ${Math.round(r.rate).toLocaleString('en-US')}/s | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.errors} | ${goal} |`;
}
