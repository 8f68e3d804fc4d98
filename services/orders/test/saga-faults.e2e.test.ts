import { OmniClient, ok } from '@omni/client';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';

/**
 * CONTRACT §5 and §6 under failure: orders flow while the orders and inventory processes are
 * SIGKILLed (and, separately, NATS restarts). Afterwards every order is in the state its story
 * implies, and stock and payments add up exactly: no reservation leaked, no double refund.
 */
const ORDERS = 200;
const PRICE = 250;

let system: RunningSystem;
let admin: OmniClient;

beforeAll(async () => {
  system = await startSystem();
  admin = new OmniClient({ baseUrl: system.baseUrl });
  await admin.login('admin@omni.local', 'omni-admin');
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await system?.stop();
});

/** Every REST step is retried while a process is being restarted (503, connection refused). */
const step = <T>(work: () => Promise<T>) => eventually(work, { timeoutMs: 60_000, intervalMs: 100 });
const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

type Story = 'ship' | 'cancel_before_payment' | 'cancel_after_payment';
const storyOf = (i: number): Story =>
  i % 5 === 0 ? 'cancel_after_payment' : i % 7 === 0 ? 'cancel_before_payment' : 'ship';

/** Orders that reached the end of their story so far, in the run under way. */
let finished = 0;

/**
 * Faults land at points of the run measured in orders finished, not in seconds: on a fast machine a
 * timer could fire after the last order, on a slow one before the first.
 */
const afterOrdersFinished = (count: number) =>
  eventually(() => expect(finished).toBeGreaterThanOrEqual(count), { timeoutMs: 300_000, intervalMs: 50 });

async function runOrders(faults: () => Promise<void>) {
  finished = 0;
  const location = ok(
    await admin.http.POST('/inventory/locations', { body: { code: unique('F'), name: 'Shop' } }),
  );
  const products: { id: string }[] = [];
  for (let i = 0; i < 5; i++) {
    const product = ok(
      await admin.http.POST('/inventory/products', {
        body: { sku: unique('F'), name: 'Widget', price: { amount: PRICE, currency: 'EUR' } },
      }),
    );
    ok(
      await admin.http.POST('/inventory/products/{productId}/receipts', {
        params: { path: { productId: product.id } },
        body: { locationId: location.id, quantity: 1000 },
      }),
    );
    products.push(product);
  }
  const results: { orderId: string; story: Story; productId: string; paymentId?: string }[] = [];
  const flow = async (i: number) => {
    const product = products[i % products.length]!;
    const story = storyOf(i);
    const order = await step(async () =>
      ok(
        await admin.http.POST('/orders', {
          body: {
            customer: { name: `c${i}` },
            locationId: location.id,
            lines: [{ productId: product.id, quantity: 2 }],
          },
          headers: { 'Idempotency-Key': `fault-order-${i}-${location.id}` },
        }),
      ),
    );
    const status = async () =>
      ok(await admin.http.GET('/orders/{orderId}', { params: { path: { orderId: order.id } } })).status;
    await step(async () => expect(await status()).toBe('awaiting_payment'));
    if (story === 'cancel_before_payment') {
      await step(async () =>
        ok(
          await admin.http.POST('/orders/{orderId}/cancel', {
            params: { path: { orderId: order.id } },
            body: { reason: 'changed' },
            headers: { 'Idempotency-Key': `fault-cancel-${order.id}` },
          }),
        ),
      );
      results.push({ orderId: order.id, story, productId: product.id });
      finished++;
      return;
    }
    const payment = await step(async () =>
      ok(
        await admin.http.POST('/payments', {
          body: { orderId: order.id, amount: { amount: 2 * PRICE, currency: 'EUR' }, method: 'card' },
          headers: { 'Idempotency-Key': `fault-pay-${order.id}` },
        }),
      ),
    );
    await step(async () => expect(await status()).toBe('paid'));
    const path = { params: { path: { orderId: order.id } } };
    if (story === 'ship')
      await step(async () =>
        ok(
          await admin.http.POST('/orders/{orderId}/ship', {
            ...path,
            headers: { 'Idempotency-Key': `fault-ship-${order.id}` },
          }),
        ),
      );
    else
      await step(async () =>
        ok(
          await admin.http.POST('/orders/{orderId}/cancel', {
            ...path,
            body: { reason: 'refund me' },
            headers: { 'Idempotency-Key': `fault-cancel-${order.id}` },
          }),
        ),
      );
    results.push({ orderId: order.id, story, productId: product.id, paymentId: payment.id });
    finished++;
  };
  const workers = Array.from({ length: 10 }, async (_, w) => {
    for (let i = w; i < ORDERS; i += 10) await flow(i);
  });
  await Promise.all([...workers, faults()]);

  // Every order reaches the end of its story...
  for (const r of results) {
    const expected = r.story === 'ship' ? 'shipped' : 'cancelled';
    await step(async () =>
      expect(
        ok(await admin.http.GET('/orders/{orderId}', { params: { path: { orderId: r.orderId } } })).status,
      ).toBe(expected),
    );
  }
  // ...stock adds up: shipped quantities left on-hand, nothing stays reserved...
  for (const product of products) {
    const shipped = results.filter((r) => r.productId === product.id && r.story === 'ship').length * 2;
    await step(async () =>
      expect(
        ok(
          await admin.http.GET('/inventory/products/{productId}', {
            params: { path: { productId: product.id } },
          }),
        ).totals,
      ).toEqual({
        onHand: 1000 - shipped,
        reserved: 0,
        available: 1000 - shipped,
      }),
    );
  }
  // ...and payments: each cancelled-after-payment order refunded exactly once, shipped ones not at all.
  for (const r of results.filter((x) => x.paymentId)) {
    await step(async () => {
      const payment = ok(
        await admin.http.GET('/payments/{paymentId}', { params: { path: { paymentId: r.paymentId! } } }),
      );
      if (r.story === 'cancel_after_payment') {
        expect(payment.refunds).toHaveLength(1);
        expect(payment.refunded).toEqual({ amount: 2 * PRICE, currency: 'EUR' });
      } else {
        expect(payment.refunds).toHaveLength(0);
      }
    });
  }
  expect(results).toHaveLength(ORDERS);
}

it(`keeps ${ORDERS} orders consistent while orders and inventory are killed at random points`, async () => {
  await runOrders(async () => {
    const kills = ['orders', 'inventory', 'orders', 'inventory', 'orders'];
    for (const [i, service] of kills.entries()) {
      // Spread over the run, each at a random point within its share of it.
      await afterOrdersFinished(Math.floor(((i + Math.random()) * ORDERS * 0.8) / kills.length));
      system.kill(service);
    }
  });
}, 600_000);

it(`keeps ${ORDERS} orders consistent when NATS restarts in the middle`, async () => {
  await runOrders(async () => {
    await afterOrdersFinished(ORDERS / 4);
    await system.nats.restart({ hard: true, downMs: 1000 });
  });
}, 600_000);
