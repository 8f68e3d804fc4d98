// `OMNI_REPLICAS`: two gateways and two inventory processes against one database and NATS. Receipts
// spread over both gateways all commit once each, and losing an inventory replica loses no request.
import { OmniClient, ok } from '@omni/client';
import { eventually, startSystem, SYSTEM_START_TIMEOUT_MS, type RunningSystem } from '@omni/testing';

const ADMIN = { email: 'admin@omni.local', password: 'omni-admin' };
const PRODUCTS = 4;
const RECEIPTS = 200;

let system: RunningSystem;
let gateways: OmniClient[];

beforeAll(async () => {
  system = await startSystem({ env: { OMNI_REPLICAS: 'inventory=2,gateway=2' } });
  gateways = await Promise.all(
    [0, 1].map(async (replica) => {
      const client = new OmniClient({ baseUrl: system.gatewayUrl(replica) });
      await client.login(ADMIN.email, ADMIN.password);
      return client;
    }),
  );
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await system?.stop();
});

const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

async function stockedProducts(count: number) {
  const [admin] = gateways;
  const location = ok(
    await admin!.http.POST('/inventory/locations', { body: { code: unique('REP'), name: 'Dock' } }),
  );
  const products = [];
  for (let i = 0; i < count; i++) {
    products.push(
      ok(
        await admin!.http.POST('/inventory/products', {
          body: { sku: unique('REP'), name: `Replicated ${i}`, price: { amount: 100, currency: 'EUR' } },
        }),
      ),
    );
  }
  return { location, products };
}

/** Receipt i goes through gateway i % 2 to product i % products, quantity i + 1. */
function receiveAll(locationId: string, productIds: string[], count: number, offset = 0) {
  return Promise.all(
    Array.from({ length: count }, (_, n) => {
      const i = n + offset;
      return gateways[i % 2]!.http.POST('/inventory/products/{productId}/receipts', {
        params: { path: { productId: productIds[i % productIds.length]! } },
        body: { locationId, quantity: i + 1 },
      });
    }),
  );
}

const onHandOf = async (productId: string) =>
  ok(await gateways[1]!.http.GET('/inventory/products/{productId}', { params: { path: { productId } } }))
    .totals.onHand;

/** What receipts offset … offset+count-1 add to each product. */
function expectedTotals(products: number, count: number, offset = 0): number[] {
  const totals = Array<number>(products).fill(0);
  for (let i = offset; i < offset + count; i++) totals[i % products]! += i + 1;
  return totals;
}

describe('OMNI_REPLICAS=inventory=2,gateway=2', () => {
  it('runs two processes of each, told apart in the launcher output', () => {
    expect(system.pidOf('inventory', 0)).toBeDefined();
    expect(system.pidOf('inventory', 1)).toBeDefined();
    expect(system.pidOf('inventory', 1)).not.toBe(system.pidOf('inventory', 0));
    expect(system.pidOf('gateway', 1)).not.toBe(system.pidOf('gateway'));
    expect(system.output.some((line) => /started inventory#1 \(pid \d+\)/.test(line))).toBe(true);
  });

  it('both gateways answer', async () => {
    for (const replica of [0, 1]) {
      const response = await fetch(`${system.gatewayUrl(replica)}/health/ready`);
      expect(response.status).toBe(200);
    }
  });

  it('serves the AsyncAPI document and the events page it renders', async () => {
    const document = (await (await fetch(`${system.gatewayUrl(1)}/api/v1/asyncapi.json`)).json()) as {
      asyncapi: string;
      channels: Record<string, { address: string }>;
    };
    expect(document.asyncapi).toBe('3.0.0');
    expect(document.channels.inventory_product_stock_received?.address).toBe(
      'inventory.product.{aggregateId}.stock_received',
    );
    const page = await fetch(`${system.baseUrl}/api/docs/events`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('ticketing.ticket.{aggregateId}.opened');
  });

  it(`${RECEIPTS} receipts over both gateways on ${PRODUCTS} products all commit once each`, async () => {
    const { location, products } = await stockedProducts(PRODUCTS);
    const answers = await receiveAll(
      location.id,
      products.map((p) => p.id),
      RECEIPTS,
    );
    expect(answers.map((a) => a.response.status)).toEqual(Array(RECEIPTS).fill(201));
    const totals = await Promise.all(products.map((p) => onHandOf(p.id)));
    expect(totals).toEqual(expectedTotals(PRODUCTS, RECEIPTS));
  });

  it('requests keep succeeding while one inventory replica is killed', async () => {
    const { location, products } = await stockedProducts(2);
    const ids = products.map((p) => p.id);
    const killed = system.pidOf('inventory', 1);
    system.kill('inventory', 1);
    // RPC is at most once: a request already handed to the dying process is answered 503 (retryable)
    // after the timeout. Once it is gone (the launcher saw it exit), NATS routes to the survivor only.
    await eventually(() =>
      expect(system.output.some((line) => line.includes('inventory#1 exited'))).toBe(true),
    );
    const answers = await receiveAll(location.id, ids, 40);
    expect(answers.map((a) => a.response.status)).toEqual(Array(40).fill(201));
    expect(await Promise.all(ids.map(onHandOf))).toEqual(expectedTotals(2, 40));
    // The launcher brings the killed replica back, and the pair keeps serving.
    await eventually(() => expect(system.pidOf('inventory', 1)).not.toBe(killed), { timeoutMs: 30_000 });
    const more = await receiveAll(location.id, ids, 20, 40);
    expect(more.map((a) => a.response.status)).toEqual(Array(20).fill(201));
    expect(await Promise.all(ids.map(onHandOf))).toEqual(expectedTotals(2, 60));
  });
});
