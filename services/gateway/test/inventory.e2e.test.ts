import { ok, type OmniClient } from '@omni/client';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';
import { problemOf, raw, signInAsAdmin, signInWithRoles, unique } from './helpers.js';

let system: RunningSystem;
let admin: OmniClient;

beforeAll(async () => {
  system = await startSystem();
  admin = await signInAsAdmin(system);
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await system?.stop();
});

async function createLocation(client: OmniClient = admin) {
  return ok(await client.http.POST('/inventory/locations', { body: { code: unique('LOC'), name: 'Shop' } }));
}

async function registerProduct(client: OmniClient = admin, extra: Record<string, unknown> = {}) {
  const body = { sku: unique('SKU'), name: 'Widget', price: { amount: 1250, currency: 'EUR' }, ...extra };
  return ok(await client.http.POST('/inventory/products', { body: body as never }));
}

const productPath = (productId: string) => ({ params: { path: { productId } } });

describe('stock movements', () => {
  it('receives, adjusts and transfers stock, and reads it back at once', async () => {
    const [shop, depot] = [await createLocation(), await createLocation()];
    const product = await registerProduct();
    const path = productPath(product.id);
    ok(
      await admin.http.POST('/inventory/products/{productId}/receipts', {
        ...path,
        body: { locationId: shop.id, quantity: 10, reference: 'PO-1' },
      }),
    );
    ok(
      await admin.http.POST('/inventory/products/{productId}/adjustments', {
        ...path,
        body: { locationId: shop.id, quantityDelta: -2, reason: 'broken' },
      }),
    );
    ok(
      await admin.http.POST('/inventory/products/{productId}/transfers', {
        ...path,
        body: { fromLocationId: shop.id, toLocationId: depot.id, quantity: 3 },
      }),
    );

    const details = ok(await admin.http.GET('/inventory/products/{productId}', path));
    expect(details.totals).toEqual({ onHand: 8, reserved: 0, available: 8 });
    expect(details.stock).toEqual(
      expect.arrayContaining([
        { locationId: shop.id, locationCode: shop.code, onHand: 5, reserved: 0, available: 5 },
        { locationId: depot.id, locationCode: depot.code, onHand: 3, reserved: 0, available: 3 },
      ]),
    );
    const movements = ok(
      await admin.http.GET('/inventory/products/{productId}/movements', {
        params: { path: { productId: product.id }, query: {} },
      }),
    );
    expect(movements.items.map((m) => [m.type, m.quantityDelta])).toEqual([
      ['stock_transferred', 3],
      ['stock_transferred', -3],
      ['stock_adjusted', -2],
      ['stock_received', 10],
    ]);
  });

  it('refuses to take stock below zero or below what is reserved (422 insufficient_stock)', async () => {
    const shop = await createLocation();
    const product = await registerProduct();
    const path = productPath(product.id);
    ok(
      await admin.http.POST('/inventory/products/{productId}/receipts', {
        ...path,
        body: { locationId: shop.id, quantity: 2 },
      }),
    );
    const adjust = await admin.http.POST('/inventory/products/{productId}/adjustments', {
      ...path,
      body: { locationId: shop.id, quantityDelta: -3, reason: 'count' },
    });
    expect(adjust.response.status).toBe(422);
    expect(adjust.error).toMatchObject({ code: 'insufficient_stock' });
    const transfer = await admin.http.POST('/inventory/products/{productId}/transfers', {
      ...path,
      body: { fromLocationId: shop.id, toLocationId: (await createLocation()).id, quantity: 3 },
    });
    expect(transfer.response.status).toBe(422);
  });

  it('lists, filters and pages products', async () => {
    const category = unique('cat');
    for (let i = 0; i < 5; i++)
      await registerProduct(admin, { category, name: `Gadget ${i}`, reorderLevel: 1 });
    const page1 = ok(
      await admin.http.GET('/inventory/products', { params: { query: { category, limit: 2 } } }),
    );
    expect(page1.items).toHaveLength(2);
    const page2 = ok(
      await admin.http.GET('/inventory/products', {
        params: { query: { category, limit: 2, cursor: page1.nextCursor! } },
      }),
    );
    expect(page2.items[0]!.sku > page1.items[1]!.sku).toBe(true);
    const byText = ok(
      await admin.http.GET('/inventory/products', { params: { query: { category, q: 'gadget 3' } } }),
    );
    expect(byText.items.map((p) => p.name)).toEqual(['Gadget 3']);
    const low = ok(
      await admin.http.GET('/inventory/products', { params: { query: { category, lowStock: 'true' } } }),
    );
    expect(low.items).toHaveLength(5);
  });
});

describe('conflicts and bad input', () => {
  it('answers 409 for a duplicate sku or location code', async () => {
    const product = await registerProduct();
    const again = await admin.http.POST('/inventory/products', {
      body: { sku: product.sku, name: 'x', price: { amount: 1, currency: 'EUR' } },
    });
    expect(again.response.status).toBe(409);
    expect(again.error).toMatchObject({ code: 'duplicate_sku' });
    const location = await createLocation();
    expect(
      (await admin.http.POST('/inventory/locations', { body: { code: location.code, name: 'x' } })).response
        .status,
    ).toBe(409);
  });

  it.each([
    [
      '/inventory/products',
      { sku: '', name: 'x', price: { amount: 1.5, currency: 'euro' } },
      ['sku', 'price.amount', 'price.currency'],
    ],
    [
      '/inventory/products',
      { name: 'x', price: { amount: 1, currency: 'EUR' }, reorderLevel: -1, colour: 'red' },
      ['sku', 'reorderLevel', 'colour'],
    ],
    ['/inventory/locations', { code: 'has space', name: 42 }, ['code', 'name']],
  ])('names every bad field of %s', async (path, body, fields) => {
    const response = await raw(system, path, {
      method: 'POST',
      token: admin.accessToken!,
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e) => e.path)).toEqual(expect.arrayContaining(fields));
  });

  it('names bad stock movement fields and bad ids', async () => {
    const product = await registerProduct();
    const receipt = await raw(system, `/inventory/products/${product.id}/receipts`, {
      method: 'POST',
      token: admin.accessToken!,
      body: JSON.stringify({ locationId: 'nope', quantity: 0 }),
    });
    expect(receipt.status).toBe(400);
    expect((await problemOf(receipt)).errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['locationId', 'quantity']),
    );
    const badId = await raw(system, '/inventory/products/not-a-uuid', { token: admin.accessToken! });
    expect(badId.status).toBe(400);
    const unknownId = await raw(system, '/inventory/products/01a20404-9117-74d3-ad2c-d10521d8eacf', {
      token: admin.accessToken!,
    });
    expect(unknownId.status).toBe(404);
  });
});

describe('Idempotency-Key and If-Match', () => {
  it('replays the first response for a repeated key, with one effect', async () => {
    const shop = await createLocation();
    const product = await registerProduct();
    const send = (quantity: number) =>
      raw(system, `/inventory/products/${product.id}/receipts`, {
        method: 'POST',
        token: admin.accessToken!,
        headers: { 'Idempotency-Key': `receipt-${product.id}` },
        body: JSON.stringify({ locationId: shop.id, quantity }),
      });
    const first = await send(4);
    const second = await send(4);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotency-replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
    const details = ok(await admin.http.GET('/inventory/products/{productId}', productPath(product.id)));
    expect(details.totals.onHand).toBe(4);
    const different = await send(5);
    expect(different.status).toBe(422);
    expect((await problemOf(different)).code).toBe('idempotency_key_reused');
  });

  it('refuses a write whose If-Match names another version (412), accepts the current one', async () => {
    const product = await registerProduct();
    const read = await raw(system, `/inventory/products/${product.id}`, { token: admin.accessToken! });
    const etag = read.headers.get('etag')!;
    expect(etag).toBe('"1"');
    const patch = (ifMatch: string, name: string) =>
      raw(system, `/inventory/products/${product.id}`, {
        method: 'PATCH',
        token: admin.accessToken!,
        headers: { 'If-Match': ifMatch },
        body: JSON.stringify({ name }),
      });
    expect((await patch('"7"', 'Stale')).status).toBe(412);
    const updated = await patch(etag, 'Fresh');
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).toBe('"2"');
    expect((await patch(etag, 'Lost update')).status).toBe(412);
  });
});

describe('roles (CONTRACT §3)', () => {
  const cases = [
    { roles: ['manager'], catalog: true, stock: true },
    { roles: ['clerk'], catalog: false, stock: true },
    { roles: ['sales'], catalog: false, stock: false },
    { roles: ['accountant'], catalog: false, stock: false },
    { roles: ['staff'], catalog: false, stock: false },
  ];

  it.each(cases)(
    '$roles may read; catalog writes: $catalog; stock moves: $stock',
    async ({ roles, catalog, stock }) => {
      const user = await signInWithRoles(system, admin, roles);
      const shop = await createLocation();
      const product = await registerProduct();
      const path = productPath(product.id);
      expect((await user.http.GET('/inventory/products', { params: { query: {} } })).response.status).toBe(
        200,
      );
      expect((await user.http.GET('/inventory/products/{productId}', path)).response.status).toBe(200);
      expect((await user.http.GET('/inventory/locations', { params: { query: {} } })).response.status).toBe(
        200,
      );

      const createdLocation = await user.http.POST('/inventory/locations', {
        body: { code: unique('L'), name: 'x' },
      });
      expect(createdLocation.response.status).toBe(catalog ? 201 : 403);
      const createdProduct = await user.http.POST('/inventory/products', {
        body: { sku: unique('S'), name: 'x', price: { amount: 1, currency: 'EUR' } },
      });
      expect(createdProduct.response.status).toBe(catalog ? 201 : 403);
      const patched = await user.http.PATCH('/inventory/products/{productId}', {
        ...path,
        body: { name: 'renamed' },
      });
      expect(patched.response.status).toBe(catalog ? 200 : 403);

      const receipt = await user.http.POST('/inventory/products/{productId}/receipts', {
        ...path,
        body: { locationId: shop.id, quantity: 5 },
      });
      expect(receipt.response.status).toBe(stock ? 201 : 403);
      const adjustment = await user.http.POST('/inventory/products/{productId}/adjustments', {
        ...path,
        body: { locationId: shop.id, quantityDelta: 1, reason: 'found' },
      });
      expect(adjustment.response.status).toBe(stock ? 201 : 403);
      const transfer = await user.http.POST('/inventory/products/{productId}/transfers', {
        ...path,
        body: { fromLocationId: shop.id, toLocationId: (await createLocation()).id, quantity: 1 },
      });
      expect(transfer.response.status).toBe(stock ? 201 : 403);
      if (!stock) expect(transfer.error).toMatchObject({ code: 'forbidden' });
    },
  );
});

it('keeps answering after the inventory process is killed: npm start restarts it', async () => {
  const before = system.pidOf('inventory');
  system.kill('inventory');
  await eventually(() => expect(system.pidOf('inventory')).not.toBe(before), { timeoutMs: 20_000 });
  const product = await eventually(() => registerProduct(), { timeoutMs: 20_000 });
  expect(ok(await admin.http.GET('/inventory/products/{productId}', productPath(product.id))).id).toBe(
    product.id,
  );
});
