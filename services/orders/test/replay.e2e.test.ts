/**
 * `omni replay orders` and `omni replay payments`: every read model of the saga's two services,
 * including the ones fed by other services' streams (orders' price list from INVENTORY, payments'
 * order view from ORDERS), is rebuilt while reads go on, and comes out equal to the live one.
 */
import { OmniClient, ok } from '@omni/client';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const OMNI = fileURLToPath(new URL('../../../packages/cli/bin/omni.js', import.meta.url));

let system: RunningSystem;
let admin: OmniClient;
let db: pg.Pool;

beforeAll(async () => {
  system = await startSystem();
  admin = new OmniClient({ baseUrl: system.baseUrl });
  await admin.login('admin@omni.local', 'omni-admin');
  db = new pg.Pool({ connectionString: system.database.url, max: 2 });
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await db?.end();
  await system?.stop();
});

const READ_MODELS = {
  orders: ['order_list', 'payment_deadlines', 'customer_list', 'price_list', 'user_roles'],
  payments: ['payment_list', 'order_view'],
} as const;

async function replay(service: keyof typeof READ_MODELS) {
  const { stdout } = await run(process.execPath, [OMNI, '--json', 'replay', service], {
    env: { ...process.env, NATS_URL: system.nats.url, DATABASE_URL: system.database.url },
  });
  return JSON.parse(stdout) as { events: number; projections: { projection: string }[] };
}

/** Every row of a service's read models, in a stable order: what a rebuild must reproduce. */
async function readModels(service: keyof typeof READ_MODELS) {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of READ_MODELS[service])
    snapshot[table] = (await db.query(`SELECT * FROM ${service}.${table} ORDER BY 1`)).rows;
  return snapshot;
}

const PROJECTIONS = {
  // Read models of the service's own log are rebuilt together, in one pass over the log.
  orders: ['orders,customers', 'priceList', 'assignableUsers'],
  payments: ['payments', 'orderView'],
};

/** Payments' view of orders follows ORDERS: wait until it shows every order's latest status. */
async function orderViewCaughtUp() {
  await eventually(async () => {
    const statuses = async (sql: string) => (await db.query(sql)).rows;
    expect(await statuses('SELECT order_id AS id, status FROM payments.order_view ORDER BY 1')).toEqual(
      await statuses('SELECT id, status FROM orders.order_list ORDER BY 1'),
    );
  });
}

const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * Orders through the saga: some paid, one cancelled after paying (refunded), the rest awaiting payment;
 * every other one for a registered customer (its balance moves), one assigned to a sales user.
 */
async function seedOrders(count: number) {
  const customer = ok(
    await admin.http.POST('/customers', {
      body: { name: 'Ada', creditLimit: { amount: 100_000, currency: 'EUR' } },
    }),
  );
  const sales = ok(
    await admin.http.POST('/users', {
      body: {
        email: `${unique('sales')}@omni.test`,
        name: 'Sam',
        password: 'long enough pw',
        roles: ['sales'],
      },
    }),
  );
  const location = ok(
    await admin.http.POST('/inventory/locations', { body: { code: unique('RPL'), name: 'Shop' } }),
  );
  const product = ok(
    await admin.http.POST('/inventory/products', {
      body: { sku: unique('RPL'), name: 'Tea', price: { amount: 400, currency: 'EUR' } },
    }),
  );
  ok(
    await admin.http.POST('/inventory/products/{productId}/receipts', {
      params: { path: { productId: product.id } },
      body: { locationId: location.id, quantity: 1000 },
    }),
  );
  const orderIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const body = {
      ...(i % 2 === 0 ? { customerId: customer.id } : { customer: { name: `C${i}` } }),
      locationId: location.id,
      lines: [{ productId: product.id, quantity: 1 }],
    };
    // The price list follows inventory's events: the first order waits until it knows the product.
    orderIds.push((await eventually(async () => ok(await admin.http.POST('/orders', { body })))).id);
  }
  for (const [i, orderId] of orderIds.entries()) {
    const order = await eventually(async () => {
      const o = ok(await admin.http.GET('/orders/{orderId}', { params: { path: { orderId } } }));
      expect(o.status).toBe('awaiting_payment');
      return o;
    });
    if (i % 2 === 0) {
      await eventually(async () =>
        ok(await admin.http.POST('/payments', { body: { orderId, amount: order.total, method: 'card' } })),
      );
    }
  }
  // Orders learns about the user from the gateway's events.
  await eventually(async () =>
    ok(
      await admin.http.PATCH('/orders/{orderId}', {
        params: { path: { orderId: orderIds[1]! } },
        body: { assigneeId: sales.id, priority: 'high' },
      }),
    ),
  );
  ok(
    await admin.http.POST('/orders/{orderId}/cancel', {
      params: { path: { orderId: orderIds[0]! } },
      body: { reason: 'changed mind' },
    }),
  );
  await eventually(async () => {
    const payments = ok(await admin.http.GET('/payments', { params: { query: { orderId: orderIds[0]! } } }));
    expect(payments.items[0]?.status).toBe('refunded');
  });
  return orderIds;
}

/** Reads one order and its payments in a loop until stopped; counts failed reads. */
function keepReading(orderId: string) {
  let busy = true;
  let failures = 0;
  let reads = 0;
  const done = (async () => {
    while (busy) {
      const order = await admin.http.GET('/orders/{orderId}', { params: { path: { orderId } } });
      const payments = await admin.http.GET('/payments', { params: { query: { orderId } } });
      if (!order.response.ok || !payments.response.ok) failures++;
      else reads++;
    }
  })();
  return async () => {
    busy = false;
    await done;
    return { failures, reads };
  };
}

it.each(['orders', 'payments'] as const)(
  'omni replay %s rebuilds every read model, the stream-fed ones too, equal to the live ones while reads go on',
  async (service) => {
    const orderIds = await seedOrders(6);
    await orderViewCaughtUp();
    const live = await readModels(service);
    const stopReading = keepReading(orderIds[1]!);
    const result = await replay(service);
    const { failures, reads } = await stopReading();
    expect(result.projections.map((p) => p.projection)).toEqual(PROJECTIONS[service]);
    expect(result.events).toBeGreaterThan(0);
    expect(reads).toBeGreaterThan(0);
    expect(failures).toBe(0);
    expect(await readModels(service)).toEqual(live);
  },
);
