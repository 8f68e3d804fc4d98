// REST benchmarks (issues #3 and #9): stock receipts and product detail reads at 32 connections,
// through the whole system started as `npm start` does (gateway + inventory, own database, private
// NATS), driven by autocannon exactly as the Emmett peer benchmark is driven (./load.mjs), then the
// product list at 100,000 products. Run with `npm run bench:rest`.
//
//   BENCH_SECONDS=10            length of each load
//   BENCH_ONLY=reads,receipts   which loads to run (also `hot`: every connection on one product, and
//                               `lists`: the 100,000-product list); default all
//   BENCH_REPLICAS=inventory=2  OMNI_REPLICAS for the system under test (default: one of each)
//   BENCH_CPU_PROFILE=<dir>     run every service with `node --cpu-prof` into <dir> (profiles written at stop)
//
// The load generator shares the machine's two cores with the system under test, PostgreSQL and NATS;
// the CPU column says who used them during each load.
import { startSystem } from '@omni/testing';
import { readFileSync, readdirSync } from 'node:fs';
import { drive } from './load.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const ONLY = new Set((process.env.BENCH_ONLY ?? 'receipts,hot,reads,lists').split(','));
const profileDir = process.env.BENCH_CPU_PROFILE;
const system = await startSystem({
  env: {
    LOG_LEVEL: 'warn',
    ...(process.env.BENCH_REPLICAS ? { OMNI_REPLICAS: process.env.BENCH_REPLICAS } : {}),
    ...(profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {}),
  },
});

try {
  const token = (await post('/auth/login', { email: 'admin@omni.local', password: 'omni-admin' })).accessToken;
  const auth = { authorization: `Bearer ${token}` };
  const location = await post('/inventory/locations', { code: `BENCH-${Date.now()}`, name: 'Bench' }, auth);
  // One product per connection: receipts on one product would serialise on its stream by design.
  const products = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    products.push(await post('/inventory/products', { sku: `BENCH-${Date.now()}-${i}`, name: `Bench ${i}`, price: { amount: 100, currency: 'EUR' } }, auth));
  }
  const rows = [];
  const run = (name, goal, options) =>
    measureCpu(() => drive({ url: system.baseUrl, connections: CONNECTIONS, seconds: SECONDS, headers: auth, ...options }))
      .then(([result, cpu]) => rows.push({ name, goal, result, cpu }));

  if (ONLY.has('receipts'))
    await run('stock receipts (POST .../receipts)', '≥ 1,500/s with p99 < 50 ms', {
      method: 'POST',
      pathFor: (c) => `/api/v1/inventory/products/${products[c].id}/receipts`,
      body: () => ({ locationId: location.id, quantity: 1 }),
    });
  if (ONLY.has('hot'))
    await run('receipts on one hot product, every connection (no If-Match)', '≥ 400/s, 0 refused', {
      method: 'POST',
      pathFor: () => `/api/v1/inventory/products/${products[0].id}/receipts`,
      body: () => ({ locationId: location.id, quantity: 1 }),
    });
  if (ONLY.has('reads'))
    await run('product detail reads (GET /inventory/products/{id})', "≥ Emmett's reads/s, p99 < 20 ms", {
      method: 'GET',
      pathFor: (c) => `/api/v1/inventory/products/${products[c].id}`,
    });
  const lists = ONLY.has('lists') ? await listsAt100k(auth) : [];

  console.log(`\nnode ${process.version}, ${CONNECTIONS} connections (autocannon, one product each), ${SECONDS} s each\n`);
  console.log('| benchmark | throughput | p50 | p99 | errors / non-2xx | CPU (cores): gateway, inventory, nats, postgres, rest | goal |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const { name, goal, result: r, cpu } of rows)
    console.log(`| ${name} | ${fmt(r.requestsPerSecond)}/s | ${r.p50} ms | ${r.p99} ms | ${r.errors} / ${r.non2xx} | ${cpu} | ${goal} |`);
  for (const [name, r] of lists)
    console.log(`| ${name} | ${fmt(r.rate)}/s (one client) | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.errors} | | fast at 100,000 products |`);
} finally {
  await system.stop();
}

/** CPU seconds per core used while `work` ran, by process group (from /proc, Linux only). */
async function measureCpu(work) {
  const before = cpuByGroup();
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const after = cpuByGroup();
  const share = (group) => ((after[group] - before[group]) / seconds).toFixed(2);
  return [result, ['gateway', 'inventory', 'nats', 'postgres', 'rest'].map(share).join(', ')];
}

function cpuByGroup() {
  const ticks = { gateway: 0, inventory: 0, nats: 0, postgres: 0, rest: 0 };
  const named = new Map([[system.pidOf('gateway'), 'gateway'], [system.pidOf('inventory'), 'inventory']]);
  const total = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1, 4).reduce((a, b) => a + Number(b), 0);
  let known = 0;
  for (const pid of readdirNumeric('/proc')) {
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const used = Number(fields[11]) + Number(fields[12]); // utime + stime
    const group = named.get(pid) ?? (command === 'nats-server' ? 'nats' : command === 'postgres' ? 'postgres' : undefined);
    if (group) {
      ticks[group] += used;
      known += used;
    }
  }
  ticks.rest = total - known; // the load generator, other users of the machine, the kernel
  const hz = 100;
  return Object.fromEntries(Object.entries(ticks).map(([k, v]) => [k, v / hz]));
}

function readdirNumeric(dir) {
  return readdirSync(dir).filter((name) => /^\d+$/.test(name)).map(Number);
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
      const data = { productId, sku: `SKU-${String(n).padStart(6, '0')}`, name: `Product ${n} ${n % 7 === 0 ? 'blue' : 'red'} widget`, description: null, category: `cat-${n % 50}`, price: { amount: 100, currency: 'EUR' }, reorderLevel: n % 3, attributes: attributesOf(n) };
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
    ['list, 100k products: attributes.language=ja (25%)', await measure('attributes.language=ja')],
    [
      'list, 100k products: attributes.language=ja&attributes.marketRegion=R5 (1%)',
      await measure('attributes.language=ja&attributes.marketRegion=R5'),
    ],
    ['list, 100k products: attributes.edition=e777 (0.1%)', await measure('attributes.edition=e777')],
    ['list, 100k products: attributes.noSuchKey=x (none)', await measure('attributes.noSuchKey=x')],
  ];
}

/** Attributes of seeded product n: a common key, a combination of two, a rare value. */
function attributesOf(n) {
  return { language: ['ja', 'en', 'de', 'fr'][n % 4], marketRegion: `R${n % 25}`, edition: `e${n % 1000}` };
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

function fmt(n) {
  return Math.round(n).toLocaleString('en-US');
}
