import { OmniClient, ok } from '@omni/client';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';

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

const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** An order for `quantity` × 500 EUR-cents of a fresh product with 10 in stock, awaiting payment. */
async function orderAwaitingPayment(quantity = 2) {
  const location = ok(
    await admin.http.POST('/inventory/locations', { body: { code: unique('PAY'), name: 'Shop' } }),
  );
  const product = ok(
    await admin.http.POST('/inventory/products', {
      body: { sku: unique('PAY'), name: 'Widget', price: eur(500) },
    }),
  );
  ok(
    await admin.http.POST('/inventory/products/{productId}/receipts', {
      params: { path: { productId: product.id } },
      body: { locationId: location.id, quantity: 10 },
    }),
  );
  const order = await eventually(async () =>
    ok(
      await admin.http.POST('/orders', {
        body: {
          customer: { name: 'Ada' },
          locationId: location.id,
          lines: [{ productId: product.id, quantity }],
        },
      }),
    ),
  );
  await eventually(async () => expect((await orderOf(order.id)).status).toBe('awaiting_payment'));
  // Payments learns about the order from orders' events.
  return { order, product, location };
}

const orderOf = async (orderId: string) =>
  ok(await admin.http.GET('/orders/{orderId}', { params: { path: { orderId } } }));
const stockOf = async (productId: string) =>
  ok(await admin.http.GET('/inventory/products/{productId}', { params: { path: { productId } } })).totals;
const pay = (orderId: string, amount: { amount: number; currency: string }, key?: string) =>
  admin.http.POST('/payments', {
    body: { orderId, amount, method: 'card' },
    ...(key ? { headers: { 'Idempotency-Key': key } } : {}),
  });

it('happy path: pay in two parts → paid → ship → on-hand decreased', async () => {
  const { order, product } = await orderAwaitingPayment(2);
  const first = await eventually(async () => ok(await pay(order.id, eur(400))));
  expect(first).toMatchObject({ orderId: order.id, amount: eur(400), method: 'card', status: 'recorded' });
  await eventually(async () => expect((await orderOf(order.id)).paid).toEqual(eur(400)));
  expect((await orderOf(order.id)).due).toEqual(eur(600));
  ok(await pay(order.id, eur(600)));
  await eventually(async () => expect((await orderOf(order.id)).status).toBe('paid'));
  ok(await admin.http.POST('/orders/{orderId}/ship', { params: { path: { orderId: order.id } } }));
  await eventually(async () =>
    expect(await stockOf(product.id)).toEqual({ onHand: 8, reserved: 0, available: 8 }),
  );
  expect((await orderOf(order.id)).statusHistory.map((h) => h.status)).toEqual([
    'pending',
    'awaiting_payment',
    'paid',
    'shipped',
  ]);
});

it('cancelling a paid order releases its stock and refunds what was paid', async () => {
  const { order, product } = await orderAwaitingPayment(1);
  const payment = await eventually(async () => ok(await pay(order.id, eur(500))));
  await eventually(async () => expect((await orderOf(order.id)).status).toBe('paid'));
  ok(
    await admin.http.POST('/orders/{orderId}/cancel', {
      params: { path: { orderId: order.id } },
      body: { reason: 'customer left' },
    }),
  );
  await eventually(async () =>
    expect(
      ok(await admin.http.GET('/payments/{paymentId}', { params: { path: { paymentId: payment.id } } })),
    ).toMatchObject({
      status: 'refunded',
      refunded: eur(500),
      refunds: [expect.objectContaining({ amount: eur(500), reason: 'order_cancelled' })],
    }),
  );
  await eventually(async () =>
    expect(await stockOf(product.id)).toMatchObject({ reserved: 0, available: 10 }),
  );
});

it('records one payment for one Idempotency-Key sent twice', async () => {
  const { order } = await orderAwaitingPayment(2);
  const key = unique('key');
  const first = await eventually(async () => ok(await pay(order.id, eur(300), key)));
  const second = await pay(order.id, eur(300), key);
  expect(second.response.headers.get('idempotency-replayed')).toBe('true');
  expect(second.data).toEqual(first);
  const list = ok(await admin.http.GET('/payments', { params: { query: { orderId: order.id } } }));
  expect(list.items).toHaveLength(1);
});

it('refuses wrong currency, overpayment, nothing to pay and too large refunds with 422 and their codes', async () => {
  const { order } = await orderAwaitingPayment(1);
  await eventually(async () =>
    expect((await pay(order.id, { amount: 100, currency: 'USD' })).error).toMatchObject({
      code: 'currency_mismatch',
    }),
  );
  expect((await pay(order.id, eur(501))).error).toMatchObject({ status: 422, code: 'overpayment' });
  expect((await pay(order.id, eur(0))).error).toMatchObject({ status: 422, code: 'invalid_amount' });
  const payment = ok(await pay(order.id, eur(200)));
  const refund = (amount: number) =>
    admin.http.POST('/payments/{paymentId}/refunds', {
      params: { path: { paymentId: payment.id } },
      body: { amount: eur(amount), reason: 'x' },
    });
  expect((await refund(201)).error).toMatchObject({ status: 422, code: 'refund_exceeds_payment' });
  expect((await refund(150)).response.status).toBe(201);
  expect((await refund(51)).error).toMatchObject({ code: 'refund_exceeds_payment' });
});

it('refuses a payment for an order that does not await payment', async () => {
  const { order } = await orderAwaitingPayment(1);
  ok(
    await admin.http.POST('/orders/{orderId}/cancel', {
      params: { path: { orderId: order.id } },
      body: { reason: 'x' },
    }),
  );
  await eventually(async () =>
    expect((await pay(order.id, eur(100))).error).toMatchObject({
      status: 422,
      code: 'order_not_awaiting_payment',
    }),
  );
});
