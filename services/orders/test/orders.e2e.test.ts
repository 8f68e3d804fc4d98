import { OmniClient, OmniRealtime, ok, type EventFrame } from '@omni/client';
import { jetstreamManager } from '@nats-io/jetstream';
import { createEventStore } from '@omni/event-store';
import { connectNats } from '@omni/messaging';
import { replayProjections } from '@omni/projections';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';
import pg from 'pg';
import { ORDERS_READ_MODELS } from '../src/projections/index.js';

let system: RunningSystem;
let admin: OmniClient;

beforeAll(async () => {
  // The default payment timeout (30 min): no order here may be cancelled by the clock, however slow
  // this machine is. The timeout has its own suite (payment-timeout.e2e.test.ts).
  system = await startSystem();
  admin = new OmniClient({ baseUrl: system.baseUrl });
  await admin.login('admin@omni.local', 'omni-admin');
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await system?.stop();
});

const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

async function stockedProduct(locationId: string, onHand: number, price = 1250) {
  const product = ok(
    await admin.http.POST('/inventory/products', {
      body: { sku: unique('ORD'), name: 'Widget', price: { amount: price, currency: 'EUR' } },
    }),
  );
  if (onHand > 0) {
    ok(
      await admin.http.POST('/inventory/products/{productId}/receipts', {
        params: { path: { productId: product.id } },
        body: { locationId, quantity: onHand },
      }),
    );
  }
  return product;
}

const stockOf = async (productId: string) =>
  ok(await admin.http.GET('/inventory/products/{productId}', { params: { path: { productId } } })).totals;
const orderOf = async (orderId: string) =>
  ok(await admin.http.GET('/orders/{orderId}', { params: { path: { orderId } } }));

/** The price list in orders follows inventory's events: wait until it knows the products. */
function place(locationId: string, lines: { productId: string; quantity: number }[]) {
  return eventually(async () =>
    ok(await admin.http.POST('/orders', { body: { customer: { name: 'Ada' }, locationId, lines } })),
  );
}

async function newLocation() {
  return ok(await admin.http.POST('/inventory/locations', { body: { code: unique('ORD'), name: 'Shop' } }));
}

it('prices the lines at placement and reserves every line: pending → awaiting_payment', async () => {
  const location = await newLocation();
  const [a, b] = [await stockedProduct(location.id, 10, 1250), await stockedProduct(location.id, 5, 300)];
  const order = await place(location.id, [
    { productId: a.id, quantity: 2 },
    { productId: b.id, quantity: 3 },
  ]);
  expect(order).toMatchObject({ status: 'pending', total: { amount: 2 * 1250 + 3 * 300, currency: 'EUR' } });
  expect(order.lines[0]).toMatchObject({
    unitPrice: { amount: 1250, currency: 'EUR' },
    lineTotal: { amount: 2500, currency: 'EUR' },
  });
  await eventually(async () => expect((await orderOf(order.id)).status).toBe('awaiting_payment'));
  expect(await stockOf(a.id)).toEqual({ onHand: 10, reserved: 2, available: 8 });
  expect(await stockOf(b.id)).toEqual({ onHand: 5, reserved: 3, available: 2 });
  const details = await orderOf(order.id);
  expect(details.statusHistory.map((h) => h.status)).toEqual(['pending', 'awaiting_payment']);
  expect(details.due).toEqual(details.total);
});

it('rejects an order when a line cannot be reserved, naming the line, and reserves nothing', async () => {
  const location = await newLocation();
  const [plenty, scarce] = [await stockedProduct(location.id, 10), await stockedProduct(location.id, 1)];
  const order = await place(location.id, [
    { productId: plenty.id, quantity: 2 },
    { productId: scarce.id, quantity: 3 },
  ]);
  await eventually(async () => expect((await orderOf(order.id)).status).toBe('rejected'));
  const rejected = await orderOf(order.id);
  expect(rejected.rejection).toEqual({
    reason: 'insufficient_stock',
    failedLines: [{ productId: scarce.id, requested: 3, available: 1 }],
  });
  expect(await stockOf(plenty.id)).toMatchObject({ reserved: 0 });
  expect(await stockOf(scarce.id)).toMatchObject({ reserved: 0 });
});

it('refuses an unknown product with 422 unknown_product', async () => {
  const location = await newLocation();
  const response = await admin.http.POST('/orders', {
    body: {
      customer: { name: 'Ada' },
      locationId: location.id,
      lines: [{ productId: '01a20404-9117-74d3-ad2c-d10521d8eacf', quantity: 1 }],
    },
  });
  expect(response.response.status).toBe(422);
  expect(response.error).toMatchObject({ code: 'unknown_product' });
});

it('cancels an order awaiting payment and releases its reservation; a cancelled order cannot ship', async () => {
  const location = await newLocation();
  const product = await stockedProduct(location.id, 4);
  const order = await place(location.id, [{ productId: product.id, quantity: 4 }]);
  await eventually(async () => expect((await orderOf(order.id)).status).toBe('awaiting_payment'));
  const ship = await admin.http.POST('/orders/{orderId}/ship', { params: { path: { orderId: order.id } } });
  expect(ship.response.status).toBe(409);
  expect(ship.error).toMatchObject({ code: 'order_not_paid' });
  ok(
    await admin.http.POST('/orders/{orderId}/cancel', {
      params: { path: { orderId: order.id } },
      body: { reason: 'changed my mind' },
    }),
  );
  await eventually(async () =>
    expect(await stockOf(product.id)).toEqual({ onHand: 4, reserved: 0, available: 4 }),
  );
  expect((await orderOf(order.id)).statusHistory.at(-1)).toMatchObject({
    status: 'cancelled',
    reason: 'changed my mind',
  });
});

it('cancels a pending order (inventory is down): once inventory is back, the stock it reserves is released', async () => {
  const location = await newLocation();
  const product = await stockedProduct(location.id, 3);
  const priming = await place(location.id, [{ productId: product.id, quantity: 1 }]); // the price list knows it
  await eventually(async () => expect((await orderOf(priming.id)).status).toBe('awaiting_payment'));
  ok(
    await admin.http.POST('/orders/{orderId}/cancel', {
      params: { path: { orderId: priming.id } },
      body: { reason: 'x' },
    }),
  );
  await eventually(async () => expect(await stockOf(product.id)).toMatchObject({ reserved: 0 }));
  const detailsOf = async () =>
    ok(
      await admin.http.GET('/inventory/products/{productId}', {
        params: { path: { productId: product.id } },
      }),
    );
  const versionBefore = (await detailsOf()).version;
  system.kill('inventory');
  const order = ok(
    await admin.http.POST('/orders', {
      body: {
        customer: { name: 'Bo' },
        locationId: location.id,
        lines: [{ productId: product.id, quantity: 2 }],
      },
    }),
  );
  expect((await orderOf(order.id)).status).toBe('pending');
  ok(
    await admin.http.POST('/orders/{orderId}/cancel', {
      params: { path: { orderId: order.id } },
      body: { reason: 'too slow' },
    }),
  );
  expect((await orderOf(order.id)).statusHistory.map((h) => h.status)).toEqual(['pending', 'cancelled']);
  // Inventory restarts and handles both events: `placed` then `cancelled` (reserve, release), or the
  // cancellation first after a redelivery (a release tombstone; the late reservation is refused).
  const nats = await connectNats({ url: system.nats.url, name: 'test' });
  const jsm = await jetstreamManager(nats);
  await eventually(
    async () => {
      const released = await jsm.streams.getMessage('INVENTORY', {
        last_by_subj: `inventory.reservation.${order.id}.released`,
      });
      expect(released).toBeTruthy();
      const details = await detailsOf();
      expect([versionBefore, versionBefore + 2]).toContain(details.version);
      expect(details.totals).toEqual({ onHand: 3, reserved: 0, available: 3 });
    },
    { timeoutMs: 40_000 },
  );
  await nats.close();
  expect((await orderOf(order.id)).status).toBe('cancelled');
});

it('lets only the roles of CONTRACT §3 place and read orders', async () => {
  const location = await newLocation();
  const product = await stockedProduct(location.id, 5);
  await place(location.id, [{ productId: product.id, quantity: 1 }]);
  for (const [roles, mayPlace, mayRead] of [
    [['sales'], true, true],
    [['accountant'], false, true],
    [['clerk'], false, false],
    [['staff'], false, false],
  ] as const) {
    const email = `${roles[0]}-${unique('u')}@omni.test`;
    ok(
      await admin.http.POST('/users', {
        body: { email, name: 'x', password: 'long enough pw', roles: [...roles] },
      }),
    );
    const user = new OmniClient({ baseUrl: system.baseUrl });
    await user.login(email, 'long enough pw');
    const placed = await user.http.POST('/orders', {
      body: {
        customer: { name: 'x' },
        locationId: location.id,
        lines: [{ productId: product.id, quantity: 1 }],
      },
    });
    expect(placed.response.status).toBe(mayPlace ? 201 : 403);
    expect((await user.http.GET('/orders', { params: { query: {} } })).response.status).toBe(
      mayRead ? 200 : 403,
    );
  }
});

describe('status_changed', () => {
  const transitionsOf = (frames: EventFrame[], orderId: string) =>
    frames.filter((f) => f.event.subject === orderId).map((f) => f.event.data);

  it('is published for every transition, whatever caused it, and a rebuild of the order list answers the same', async () => {
    const frames: EventFrame[] = [];
    const realtime = new OmniRealtime({ baseUrl: system.baseUrl, accessToken: () => admin.accessToken! });
    // From the start of the stream: no race between subscribing and the first transition.
    await realtime.subscribe('orders.order.*.status_changed', (frame) => frames.push(frame), { since: 0 });
    const location = await newLocation();
    const product = await stockedProduct(location.id, 10, 500);
    // A payment timeout's status_changed is checked in payment-timeout.e2e.test.ts.
    const [shipped, cancelled] = [
      await place(location.id, [{ productId: product.id, quantity: 1 }]),
      await place(location.id, [{ productId: product.id, quantity: 2 }]),
    ];
    await eventually(async () => expect((await orderOf(shipped.id)).status).toBe('awaiting_payment'));
    await eventually(async () =>
      ok(await admin.http.POST('/payments', { body: paymentOf(shipped.id, 500) })),
    );
    await eventually(async () => expect((await orderOf(shipped.id)).status).toBe('paid'));
    ok(await admin.http.POST('/orders/{orderId}/ship', { params: { path: { orderId: shipped.id } } }));
    await eventually(async () => expect((await orderOf(cancelled.id)).status).toBe('awaiting_payment'));
    ok(
      await admin.http.POST('/orders/{orderId}/cancel', {
        params: { path: { orderId: cancelled.id } },
        body: { reason: 'changed my mind' },
      }),
    );

    const transitions = {
      [shipped.id]: [
        { orderId: shipped.id, from: 'pending', to: 'awaiting_payment' },
        { orderId: shipped.id, from: 'awaiting_payment', to: 'paid' },
        { orderId: shipped.id, from: 'paid', to: 'shipped' },
      ],
      [cancelled.id]: [
        { orderId: cancelled.id, from: 'pending', to: 'awaiting_payment' },
        { orderId: cancelled.id, from: 'awaiting_payment', to: 'cancelled', reason: 'changed my mind' },
      ],
    };
    await eventually(async () => {
      for (const [orderId, expected] of Object.entries(transitions)) {
        expect(transitionsOf(frames, orderId)).toEqual(expected);
      }
    });
    realtime.close();
    // Each status is in the history once, although cancelled and shipped come with a status_changed.
    expect((await orderOf(shipped.id)).statusHistory.map((h) => h.status)).toEqual([
      'pending',
      'awaiting_payment',
      'paid',
      'shipped',
    ]);

    const before = await everyOrder();
    await rebuildOrderList();
    expect(await everyOrder()).toEqual(before);
  });
});

const paymentOf = (orderId: string, amount: number) =>
  ({ orderId, amount: { amount, currency: 'EUR' }, method: 'card' }) as const;

async function everyOrder() {
  const { items } = ok(await admin.http.GET('/orders', { params: { query: { limit: 200 } } }));
  return Promise.all(items.map((order) => orderOf(order.id)));
}

/** What `omni replay orders --projection orders` does: rebuild the order list from orders' log while it serves. */
async function rebuildOrderList() {
  const pool = new pg.Pool({ connectionString: system.database.url, max: 2 });
  const nats = await connectNats({ url: system.nats.url, name: 'test-replay' });
  try {
    const store = createEventStore({ pool, schema: 'orders', service: 'orders' });
    const [result] = await replayProjections({ store, nats }, ORDERS_READ_MODELS, { projection: 'orders' });
    expect(result!.events).toBeGreaterThan(0);
  } finally {
    await Promise.all([pool.end(), nats.close()]);
  }
}
