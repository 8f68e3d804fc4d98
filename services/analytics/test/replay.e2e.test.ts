/**
 * `omni replay analytics`: every dashboard read model, fed by orders', payments', inventory's,
 * ticketing's and scheduling's streams, is rebuilt from those streams while the dashboards keep
 * answering, and comes out equal to the live one.
 */
import { OmniClient, ok } from '@omni/client';
import { eventually, startSystem, type RunningSystem } from '@omni/testing';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { signInAsAdmin } from '../../gateway/test/helpers.js';
import { eur, openShiftToday, placeOrder, productWithStock } from './seed.js';

const run = promisify(execFile);
const OMNI = fileURLToPath(new URL('../../../packages/cli/bin/omni.js', import.meta.url));
const READ_MODELS = [
  'sales_days',
  'sales_products',
  'sales_product_rollups',
  'sales_orders',
  'revenue_days',
  'stock_levels',
  'ticket_states',
  'shift_states',
];
// Seven processes start here; on a machine loaded by other work that took longer than the default.
const READY_TIMEOUT_MS = 240_000;

let system: RunningSystem;
let admin: OmniClient;
let db: pg.Pool;

beforeAll(async () => {
  system = await startSystem({ readyTimeoutMs: READY_TIMEOUT_MS });
  admin = await signInAsAdmin(system);
  db = new pg.Pool({ connectionString: system.database.url, max: 2 });
}, READY_TIMEOUT_MS + 60_000);

afterAll(async () => {
  await db?.end();
  await system?.stop();
});

async function replay() {
  const { stdout } = await run(process.execPath, [OMNI, '--json', 'replay', 'analytics'], {
    env: { ...process.env, NATS_URL: system.nats.url, DATABASE_URL: system.database.url },
  });
  return JSON.parse(stdout) as { events: number; projections: { projection: string }[] };
}

/** Every row of analytics' read models, in a stable order: what a rebuild must reproduce. */
async function readModels() {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of READ_MODELS)
    snapshot[table] = (await db.query(`SELECT * FROM analytics.${table} AS r ORDER BY r::text`)).rows;
  return snapshot;
}

/** Orders placed, paid, cancelled and left awaiting payment; a product left low (16 available ≤ 18); a ticket; a shift. */
async function seed() {
  const { product, location } = await productWithStock(admin, 400, 20, 18);
  for (let i = 0; i < 6; i++) {
    const order = await placeOrder(admin, admin, {
      productId: product.id,
      locationId: location.id,
      quantity: 1,
    });
    if (i % 3 === 0) {
      await eventually(async () =>
        ok(
          await admin.http.POST('/payments', {
            body: { orderId: order.id, amount: eur(400), method: 'cash' },
          }),
        ),
      );
    }
    if (i % 3 === 1) {
      ok(
        await admin.http.POST('/orders/{orderId}/cancel', {
          params: { path: { orderId: order.id } },
          body: { reason: 'test' },
        }),
      );
    }
  }
  ok(
    await admin.http.POST('/tickets', {
      body: { kind: 'service', title: 'Fix', description: 'it', priority: 'high' },
    }),
  );
  await openShiftToday(admin);
  // Caught up: every source's last effect is in the read models (payments refund the cancelled ones).
  await eventually(async () => {
    const { rows } = await db.query(
      `SELECT (SELECT coalesce(sum(placed), 0) FROM analytics.sales_days)::int AS placed,
              (SELECT coalesce(sum(cancelled), 0) FROM analytics.sales_days)::int AS cancelled,
              (SELECT coalesce(sum(recorded), 0) FROM analytics.revenue_days)::int AS recorded,
              (SELECT count(*) FROM analytics.stock_levels WHERE low)::int AS low,
              (SELECT count(*) FROM analytics.ticket_states)::int AS tickets,
              (SELECT count(*) FROM analytics.shift_states)::int AS shifts`,
    );
    expect(rows[0]).toEqual({ placed: 6, cancelled: 2, recorded: 800, low: 1, tickets: 1, shifts: 1 });
  });
}

/** Reads the sales dashboard in a loop until stopped; counts failed reads. */
function keepReading() {
  let busy = true;
  let failures = 0;
  let reads = 0;
  const done = (async () => {
    while (busy) {
      const { response, data } = await admin.http.GET('/dashboards/sales');
      if (!response.ok || data?.totals.ordersPlaced !== 6) failures++;
      else reads++;
    }
  })();
  return async () => {
    busy = false;
    await done;
    return { failures, reads };
  };
}

it('omni replay analytics rebuilds every dashboard read model equal to the live one while the dashboards answer', async () => {
  await seed();
  const live = await readModels();
  const stopReading = keepReading();
  const result = await replay();
  const { failures, reads } = await stopReading();
  expect(result.projections.map((p) => p.projection)).toEqual([
    'salesByDay',
    'revenueByDay',
    'stockLevels',
    'openTickets',
    'todaysShifts',
  ]);
  expect(result.events).toBeGreaterThan(0);
  expect(reads).toBeGreaterThan(0);
  expect(failures).toBe(0);
  expect(await readModels()).toEqual(live);
});
