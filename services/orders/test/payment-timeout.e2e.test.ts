import { OmniClient, OmniRealtime, ok } from '@omni/client';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';

/**
 * A short payment timeout, alone in its suite: elsewhere a slow machine could let it cancel orders
 * that other tests are still working on.
 */
let system: RunningSystem;
let admin: OmniClient;

beforeAll(async () => {
  system = await startSystem({ env: { ORDER_PAYMENT_TIMEOUT_MS: '2000' } });
  admin = new OmniClient({ baseUrl: system.baseUrl });
  await admin.login('admin@omni.local', 'omni-admin');
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await system?.stop();
});

const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

it('cancels an order left unpaid past ORDER_PAYMENT_TIMEOUT_MS with payment_timeout and releases its stock', async () => {
  const location = ok(
    await admin.http.POST('/inventory/locations', { body: { code: unique('TMO'), name: 'Shop' } }),
  );
  const product = ok(
    await admin.http.POST('/inventory/products', {
      body: { sku: unique('TMO'), name: 'Widget', price: { amount: 500, currency: 'EUR' } },
    }),
  );
  ok(
    await admin.http.POST('/inventory/products/{productId}/receipts', {
      params: { path: { productId: product.id } },
      body: { locationId: location.id, quantity: 2 },
    }),
  );
  // The price list in orders follows inventory's events: retry until it knows the product.
  const order = await eventually(async () =>
    ok(
      await admin.http.POST('/orders', {
        body: {
          customer: { name: 'Ada' },
          locationId: location.id,
          lines: [{ productId: product.id, quantity: 2 }],
        },
      }),
    ),
  );
  const statusChanges: unknown[] = [];
  const realtime = new OmniRealtime({ baseUrl: system.baseUrl, accessToken: () => admin.accessToken! });
  await realtime.subscribe(
    `orders.order.${order.id}.status_changed`,
    (f) => statusChanges.push(f.event.data),
    {
      since: 0,
    },
  );
  const orderNow = async () =>
    ok(await admin.http.GET('/orders/{orderId}', { params: { path: { orderId: order.id } } }));
  await eventually(async () => expect((await orderNow()).status).toBe('cancelled'));
  // The history, not a poll that could miss a short-lived status, shows it was awaiting payment.
  expect((await orderNow()).statusHistory.map((s) => s.status)).toEqual([
    'pending',
    'awaiting_payment',
    'cancelled',
  ]);
  expect((await orderNow()).statusHistory.at(-1)).toMatchObject({
    status: 'cancelled',
    reason: 'payment_timeout',
  });
  // A subscriber following status_changed sees the timeout too.
  await eventually(() =>
    expect(statusChanges).toEqual([
      { orderId: order.id, from: 'pending', to: 'awaiting_payment' },
      { orderId: order.id, from: 'awaiting_payment', to: 'cancelled', reason: 'payment_timeout' },
    ]),
  );
  realtime.close();
  await eventually(async () =>
    expect(
      ok(
        await admin.http.GET('/inventory/products/{productId}', {
          params: { path: { productId: product.id } },
        }),
      ).totals,
    ).toMatchObject({ reserved: 0, available: 2 }),
  );
});
