// Mobile BFF benchmark (issue #13): `npm run bench:bff`. The whole system started as `npm start`
// does (own database, private NATS), twice: once with the section cache effectively off (every entry
// larger than BFF_CACHE_MAX_BYTES=1: each read fetches every section: "cold"), once as configured
// ("warm", measured after a warm-up pass).
//
// 50 virtual users, each a closed loop (next request when the last answered) over the mix:
// GET /mobile/home 50%, /mobile/products/{id}/complete 25%, /mobile/orders/{id}/complete 15%,
// /mobile/customers/{id}/complete 10%, as five users of different roles (a role that may not read
// orders or customers asks for the home screen instead), while a background writer makes 20
// writes/s through REST (stock receipts, orders of registered customers, payments), so
// invalidations keep happening and balances move. Goal: p50 < 20 ms, p95 < 40 ms, p99 < 60 ms.
//
//   BENCH_SECONDS=60        length of each measured run
//   BENCH_ONLY=warm|cold    one of the two runs
//   BENCH_CPU_PROFILE=<dir> run every service with `node --cpu-prof` into <dir> (written at stop)
import { startSystem } from '@omni/testing';
import autocannon from 'autocannon';
import { fmt, post } from '../http.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const USERS = 50;
const WRITES_PER_SECOND = 20;
const PRODUCTS = 50;
const ORDERS = 50;
const CUSTOMERS = 20;
const ROLES = ['admin', 'manager', 'sales', 'clerk', 'staff'];

const profileDir = process.env.BENCH_CPU_PROFILE;
const profiling = profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {};
/** A random element of `list`. */
const pick = (list) => list[Math.floor(Math.random() * list.length)];

const results = [];
for (const [name, env] of [
  ['cold (cache off)', { BFF_CACHE_MAX_BYTES: '1' }],
  ['warm (cache on)', {}],
]) {
  if (process.env.BENCH_ONLY && !name.startsWith(process.env.BENCH_ONLY)) continue;
  results.push([name, await run({ ...env, ...profiling })]);
}
console.log(
  `\nnode ${process.version}; ${USERS} virtual users, ${SECONDS} s per run, writes at ${WRITES_PER_SECOND}/s\n`,
);
console.log('| cache | requests | rate | p50 | p95 | p99 | non-2xx | partial answers | hit ratio | writes |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [name, r] of results)
  console.log(
    `| ${name} | ${fmt(r.count)} | ${fmt(r.count / SECONDS)}/s | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.failures} | ${r.partial} | ${(r.hitRatio * 100).toFixed(1)}% (+ ${(r.sharedRatio * 100).toFixed(1)}% shared) | ${fmt(r.writes)} |`,
  );

async function run(env) {
  const system = await startSystem({ env: { LOG_LEVEL: 'warn', ...env }, readyTimeoutMs: 240_000 });
  try {
    const base = system.baseUrl;
    const adminToken = (
      await post(base, '/auth/login', { email: 'admin@omni.local', password: 'omni-admin' })
    ).accessToken;
    const admin = { authorization: `Bearer ${adminToken}` };
    const tokens = [];
    for (const role of ROLES) {
      const email = `bench-${role}@omni.test`;
      await post(
        base,
        '/users',
        { email, name: role, password: 'correct horse battery', roles: [role] },
        admin,
      );
      tokens.push(
        (await post(base, '/auth/login', { email, password: 'correct horse battery' })).accessToken,
      );
    }
    const shop = await post(base, '/inventory/locations', { code: 'BENCH', name: 'Shop' }, admin);
    const products = [];
    for (let i = 0; i < PRODUCTS; i++) {
      const product = await post(
        base,
        '/inventory/products',
        {
          sku: `BENCH-${i}`,
          name: `Product ${i}`,
          price: { amount: 500, currency: 'EUR' },
          reorderLevel: i % 5 === 0 ? 2_000_000 : 0,
        },
        admin,
      );
      await post(
        base,
        `/inventory/products/${product.id}/receipts`,
        { locationId: shop.id, quantity: 1_000_000 },
        admin,
      );
      products.push(product.id);
    }
    const customers = [];
    for (let i = 0; i < CUSTOMERS; i++) {
      customers.push((await post(base, '/customers', { name: `Customer ${i}` }, admin)).id);
    }
    const orders = [];
    for (let i = 0; i < ORDERS; i++) {
      const order = await placeOrder(base, admin, shop.id, products, customers);
      orders.push(order.id);
    }
    // Clerks and staff may read neither orders nor customers (403): those shares go to the home screen.
    const readsOrders = (user) => ['admin', 'manager', 'sales'].includes(ROLES[user % ROLES.length]);
    const pathFor = (user) => {
      const x = Math.random() * 100;
      if (x < 50) return '/mobile/home';
      if (x < 75) return `/mobile/products/${pick(products)}/complete`;
      if (!readsOrders(user)) return '/mobile/home';
      if (x < 90) return `/mobile/orders/${pick(orders)}/complete`;
      return `/mobile/customers/${pick(customers)}/complete`;
    };

    const writer = startWriter(base, admin, shop.id, products, orders, customers);
    await load(base, tokens, pathFor, 10); // warm-up: connections, JIT, and the cache when on
    const before = await cacheLookups(base);
    const measured = await load(base, tokens, pathFor, SECONDS);
    const after = await cacheLookups(base);
    const writes = await writer.stop();
    const hits = after.hit - before.hit;
    const misses = after.miss - before.miss;
    const shared = after.shared - before.shared;
    const lookups = Math.max(1, hits + misses + shared);
    return { ...measured, hitRatio: hits / lookups, sharedRatio: shared / lookups, writes };
  } finally {
    await system.stop();
  }
}

async function placeOrder(base, auth, locationId, products, customers) {
  const lines = [0, 1].map(() => ({ productId: pick(products), quantity: 1 }));
  return post(base, '/orders', { customerId: pick(customers), locationId, lines: dedupe(lines) }, auth);
}

function dedupe(lines) {
  return [...new Map(lines.map((line) => [line.productId, line])).values()];
}

/** 20 writes/s through REST in the background: receipts, orders, and payments of earlier orders. */
function startWriter(base, auth, locationId, products, orders, customers) {
  let running = true;
  let writes = 0;
  const loop = (async () => {
    let i = 0;
    while (running) {
      const started = performance.now();
      const product = products[i % products.length];
      const kind = i % 3;
      try {
        if (kind === 0)
          await post(base, `/inventory/products/${product}/receipts`, { locationId, quantity: 1 }, auth);
        if (kind === 1) orders.push((await placeOrder(base, auth, locationId, products, customers)).id);
        if (kind === 2) {
          const orderId = orders[orders.length - 2];
          await post(
            base,
            '/payments',
            { orderId, amount: { amount: 100, currency: 'EUR' }, method: 'card' },
            auth,
          ).catch(() => undefined);
        }
        writes++;
      } catch {
        // a refused write (e.g. paying an order not yet awaiting payment) still passes through the gateway
      }
      i++;
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, 1000 / WRITES_PER_SECOND - (performance.now() - started))),
      );
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return writes;
    },
  };
}

/**
 * USERS closed loops for `seconds`: autocannon, one keep-alive connection per virtual user with its
 * user's token, the next path drawn per request. autocannon (the load generator of bench:rest and of
 * the Emmett peer) costs far less CPU per request than `fetch` plus `JSON.parse` of every answer did,
 * and the generator shares the two cores with the system it measures. Latencies are every response's
 * own time (autocannon's summary has no p95); a partial answer is found in the body text.
 */
async function load(base, tokens, pathFor, seconds) {
  const latencies = [];
  let failures = 0;
  let partial = 0;
  let nextUser = 0;
  await autocannon({
    url: base,
    connections: USERS,
    duration: seconds,
    setupClient: (client) => {
      const user = nextUser++ % USERS;
      client.setRequests([
        {
          method: 'GET',
          headers: { authorization: `Bearer ${tokens[user % tokens.length]}` },
          setupRequest: (request) => ({ ...request, path: `/api/v1${pathFor(user)}` }),
          onResponse: (status, body) => {
            if (status < 300 && body.includes('"partial":true')) partial++;
          },
        },
      ]);
      client.on('response', (status, _bytes, ms) => {
        latencies.push(ms);
        if (status < 200 || status >= 300) failures++;
      });
    },
  });
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { count: latencies.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), failures, partial };
}

async function cacheLookups(base) {
  const text = await (await fetch(`${base}/metrics`)).text();
  const sum = (outcome) =>
    [
      ...text.matchAll(
        new RegExp(`omni_bff_cache_lookups_total\\{[^}]*outcome="${outcome}"[^}]*\\} (\\d+)`, 'g'),
      ),
    ].reduce((total, match) => total + Number(match[1]), 0);
  return { hit: sum('hit'), miss: sum('miss'), shared: sum('shared') };
}
