import { ok, type OmniClient } from '@omni/client';
import { startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';
import pg from 'pg';
import { signInAsAdmin, unique } from './helpers.js';

let system: RunningSystem;
let admin: OmniClient;

beforeAll(async () => {
  system = await startSystem();
  admin = await signInAsAdmin(system);
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await system?.stop();
});

async function productWithLocation() {
  const location = ok(
    await admin.http.POST('/inventory/locations', { body: { code: unique('HOT'), name: 'Dock' } }),
  );
  const product = ok(
    await admin.http.POST('/inventory/products', {
      body: { sku: unique('HOT'), name: 'Hot item', price: { amount: 100, currency: 'EUR' } },
    }),
  );
  return { location, product };
}

const receive = (
  productId: string,
  locationId: string,
  quantity: number,
  headers: Record<string, string> = {},
) =>
  admin.http.POST('/inventory/products/{productId}/receipts', {
    params: { path: { productId } },
    body: { locationId, quantity },
    headers,
  });

describe('concurrent writes to one resource without If-Match', () => {
  it('24 clerks receiving the same product at once all get 201, each applied once', async () => {
    const { location, product } = await productWithLocation();
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => receive(product.id, location.id, i + 1)),
    );
    expect(answers.map((a) => a.response.status)).toEqual(Array(24).fill(201));

    const details = ok(
      await admin.http.GET('/inventory/products/{productId}', {
        params: { path: { productId: product.id } },
      }),
    );
    const total = (24 * 25) / 2;
    expect(details.totals.onHand).toBe(total);
    expect(details.version).toBe(25); // registered + 24 receipts
    // The log holds each receipt once, in one serial order of the stream.
    const client = new pg.Client({ connectionString: system.database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ stream_version: number; quantity: number }>(
        `SELECT stream_version, (data->>'quantity')::int AS quantity FROM inventory.events
          WHERE stream_id = $1 AND event_type = 'stock_received' ORDER BY stream_version`,
        [`product-${product.id}`],
      );
      expect(rows.map((r) => r.stream_version)).toEqual(Array.from({ length: 24 }, (_, i) => i + 2));
      expect(rows.map((r) => r.quantity).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 24 }, (_, i) => i + 1),
      );
    } finally {
      await client.end();
    }
  });

  it('a concurrent adjustment that would go below zero is refused alone; its neighbours commit', async () => {
    const { location, product } = await productWithLocation();
    ok(await receive(product.id, location.id, 5));
    const adjust = (quantityDelta: number) =>
      admin.http.POST('/inventory/products/{productId}/adjustments', {
        params: { path: { productId: product.id } },
        body: { locationId: location.id, quantityDelta, reason: 'count' },
      });
    const answers = await Promise.all([
      adjust(-3),
      adjust(-3),
      receive(product.id, location.id, 1),
      adjust(-1),
    ]);
    const statuses = answers.map((a) => a.response.status).sort();
    // Whatever the serial order, exactly the adjustments that would go below zero are refused, with 422.
    expect(statuses.filter((s) => s === 422).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 422)).toBe(true);
    const details = ok(
      await admin.http.GET('/inventory/products/{productId}', {
        params: { path: { productId: product.id } },
      }),
    );
    const applied = [-3, -3, 1, -1]
      .filter((_, i) => answers[i]!.response.status === 201)
      .reduce((a, b) => a + b, 5);
    expect(details.totals.onHand).toBe(applied);
    expect(details.totals.onHand).toBeGreaterThanOrEqual(0);
  });

  it('If-Match still guards a write: a stale version is 412, the current one 201', async () => {
    const { location, product } = await productWithLocation();
    ok(await receive(product.id, location.id, 1));
    const stale = await receive(product.id, location.id, 1, { 'If-Match': '"1"' });
    expect(stale.response.status).toBe(412);
    const fresh = await receive(product.id, location.id, 1, { 'If-Match': '"2"' });
    expect(fresh.response.status).toBe(201);
  });
});

describe('unknown ids on command routes', () => {
  it.each([
    [
      'POST /orders/{id}/cancel',
      (id: string) =>
        admin.http.POST('/orders/{orderId}/cancel', {
          params: { path: { orderId: id } },
          body: { reason: 'x' },
        }),
    ],
    [
      'POST /orders/{id}/ship',
      (id: string) => admin.http.POST('/orders/{orderId}/ship', { params: { path: { orderId: id } } }),
    ],
    [
      'POST /payments/{id}/refunds',
      (id: string) =>
        admin.http.POST('/payments/{paymentId}/refunds', {
          params: { path: { paymentId: id } },
          body: { amount: { amount: 1, currency: 'EUR' }, reason: 'x' },
        }),
    ],
  ])('%s answers 404', async (_route, call) => {
    const answer = await call('01a20000-0000-7000-8000-00000000beef');
    expect(answer.response.status).toBe(404);
  });

  it('POST /inventory/products/{id}/receipts at a known location answers 404 for an unknown product', async () => {
    const { location } = await productWithLocation();
    const answer = await receive('01a20000-0000-7000-8000-00000000beef', location.id, 1);
    expect(answer.response.status).toBe(404);
  });
});

describe('metrics', () => {
  it('times every REST call by operation and status, refusals included', async () => {
    const { location } = await productWithLocation();
    await receive('01a20000-0000-7000-8000-00000000beef', location.id, 1); // 404
    const text = await (await fetch(`${system.baseUrl}/metrics`)).text();
    expect(text).toMatch(
      /omni_http_request_duration_seconds_count\{[^}]*operation="registerProduct"[^}]*status="201"[^}]*\} [1-9]/,
    );
    expect(text).toMatch(/omni_http_request_duration_seconds_count\{[^}]*status="404"[^}]*\} [1-9]/);
  });
});
