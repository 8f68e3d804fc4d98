/**
 * `GET /inventory/products/{id}` answered from the gateway's section cache (docs/mobile.md, "REST
 * reads"): a write through the gateway is read back at once, an effect from another service arrives
 * through its event, and the cache really answers.
 */
import { ok, type OmniClient } from '@omni/client';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';
import { signInAsAdmin, unique } from './helpers.js';

let system: RunningSystem;
let admin: OmniClient;
let shop: { id: string };

beforeAll(async () => {
  system = await startSystem();
  admin = await signInAsAdmin(system);
  shop = ok(await admin.http.POST('/inventory/locations', { body: { code: unique('LOC'), name: 'Shop' } }));
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await system?.stop();
});

const newProduct = async () =>
  ok(
    await admin.http.POST('/inventory/products', {
      body: { sku: unique('SKU'), name: 'Cached', price: { amount: 100, currency: 'EUR' } },
    }),
  );
const readProduct = async (productId: string) =>
  ok(await admin.http.GET('/inventory/products/{productId}', { params: { path: { productId } } }));
const receive = (productId: string, quantity: number) =>
  admin.http.POST('/inventory/products/{productId}/receipts', {
    params: { path: { productId } },
    body: { locationId: shop.id, quantity },
  });

async function productLookups(outcome: 'hit' | 'miss'): Promise<number> {
  const metrics = await (await fetch(`${system.baseUrl}/metrics`)).text();
  const line = metrics.match(
    new RegExp(`omni_bff_cache_lookups_total\\{section="product",outcome="${outcome}"\\} (\\d+)`),
  );
  return Number(line?.[1] ?? 0);
}

it('reads every receipt back at once, 200 times in a row, while another writer changes the product', async () => {
  const product = await newProduct();
  let otherWrites = 0;
  let writing = true;
  const otherWriter = (async () => {
    while (writing) {
      ok(await receive(product.id, 1000));
      otherWrites++;
    }
  })();
  try {
    for (let i = 1; i <= 200; i++) {
      const receipt = ok(await receive(product.id, 1));
      const read = await readProduct(product.id);
      // Never older than the receipt just acknowledged (others may have written since).
      expect(read.version).toBeGreaterThanOrEqual(receipt.version);
      expect(read.stock[0]!.onHand).toBeGreaterThanOrEqual(receipt.stock[0]!.onHand);
      expect(read.stock[0]!.onHand % 1000).toBeGreaterThanOrEqual(i);
    }
  } finally {
    writing = false;
    await otherWriter;
  }
  expect(otherWrites).toBeGreaterThan(0);
}, 300_000);

it('answers repeated reads from the cache, the same bytes and ETag as the first', async () => {
  const product = await newProduct();
  ok(await receive(product.id, 5));
  const hitsBefore = await productLookups('hit');
  const answers = [];
  for (let i = 0; i < 5; i++) {
    const response = await fetch(`${system.baseUrl}/api/v1/inventory/products/${product.id}`, {
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    answers.push({ etag: response.headers.get('etag'), body: await response.text() });
  }
  expect(new Set(answers.map((a) => a.body)).size).toBe(1);
  expect(new Set(answers.map((a) => a.etag)).size).toBe(1);
  expect(await productLookups('hit')).toBeGreaterThanOrEqual(hitsBefore + 4);
});

it("shows another service's effect (an order's reservation) through the product's event", async () => {
  const product = await newProduct();
  ok(await receive(product.id, 10));
  expect((await readProduct(product.id)).stock[0]!.reserved).toBe(0); // now cached
  ok(
    await admin.http.POST('/orders', {
      body: {
        customer: { name: 'Ada' },
        locationId: shop.id,
        lines: [{ productId: product.id, quantity: 3 }],
      },
    }),
  );
  await eventually(async () => expect((await readProduct(product.id)).stock[0]!.reserved).toBe(3));
});
