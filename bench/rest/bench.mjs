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

  const lists = await listsAt100k(auth);

  console.log(`\nnode ${process.version}, ${CLIENTS} concurrent clients, ${SECONDS} s each\n`);
  console.log('| benchmark | throughput | p50 | p99 | errors | goal |\n| --- | --- | --- | --- | --- | --- |');
  console.log(line('stock receipts (POST .../receipts)', receipts, '≥ 1,500/s with p99 < 50 ms'));
  console.log(line('product detail reads (GET /inventory/products/{id})', reads, '≥ 4,000/s'));
  for (const [name, r] of lists) console.log(line(name, r, 'fast at 100,000 products'));
} finally {
  await system.stop();
}

/** The product list with 100,000 products: filters and pages served from indexes (one client at a time). */
async function listsAt100k(auth) {
  const { newId } = await import('@omni/contracts');
  const { createEventStore } = await import('@omni/event-store');
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({ connectionString: system.database.url, max: 2 });
  const store = createEventStore({ pool, schema: 'inventory', service: 'inventory' });
  const metadata = { correlationId: newId(), causationId: newId() };
  for (let batch = 0; batch < 200; batch++) {
    const streams = Array.from({ length: 500 }, (_, i) => {
      const productId = newId();
      const n = batch * 500 + i;
      const data = { productId, sku: `SKU-${String(n).padStart(6, '0')}`, name: `Product ${n} ${n % 7 === 0 ? 'blue' : 'red'} widget`, description: null, category: `cat-${n % 50}`, price: { amount: 100, currency: 'EUR' }, reorderLevel: n % 3, attributes: {} };
      return { streamId: `product-${productId}`, expectedVersion: 0, events: [{ type: 'registered', data, metadata }] };
    });
    await store.transaction((tx) => store.append(tx, streams));
  }
  await pool.end();
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  await promisify(execFile)(process.execPath, ['packages/cli/bin/omni.js', 'replay', 'inventory'], {
    env: { ...process.env, NATS_URL: system.nats.url, DATABASE_URL: system.database.url },
  });
  const measure = async (query) => {
    const latencies = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      const response = await fetch(`${system.baseUrl}/api/v1/inventory/products?${query}`, { headers: auth });
      await response.arrayBuffer();
      latencies.push(performance.now() - t0);
    }
    latencies.sort((a, b) => a - b);
    return { rate: 1000 / (latencies.reduce((a, b) => a + b, 0) / latencies.length), p50: latencies[100], p99: latencies[198], errors: 0 };
  };
  return [
    ['list, 100k products: first page (limit 50)', await measure('limit=50')],
    ['list, 100k products: q=blue (substring of name, trigram index)', await measure('q=blue&limit=50')],
    ['list, 100k products: q=sku-0999 (substring of sku)', await measure('q=sku-0999')],
    ['list, 100k products: category=cat-7', await measure('category=cat-7')],
    ['list, 100k products: lowStock=true', await measure('lowStock=true')],
  ];
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
