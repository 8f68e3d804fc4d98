import { ok, type OmniClient } from '@omni/client';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';
import WebSocket from 'ws';
import { problemOf, raw, signInAsAdmin, unique } from './helpers.js';

// What browsers and web apps rely on beyond the typed client: exact replays, readable conflicts, CORS.

const APP = 'https://app.omni.test';
const STRANGER = 'https://evil.example';

let system: RunningSystem;
let admin: OmniClient;

beforeAll(async () => {
  system = await startSystem({ env: { CORS_ORIGINS: `${APP}, http://localhost:5173` } });
  admin = await signInAsAdmin(system);
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await system?.stop();
});

const eur = (amount: number) => ({ amount, currency: 'EUR' });

async function stockedProduct(quantity: number) {
  const location = ok(
    await admin.http.POST('/inventory/locations', { body: { code: unique('WEB'), name: 'Shop' } }),
  );
  const product = ok(
    await admin.http.POST('/inventory/products', {
      body: { sku: unique('WEB'), name: 'Lamp', price: eur(500) },
    }),
  );
  ok(
    await admin.http.POST('/inventory/products/{productId}/receipts', {
      params: { path: { productId: product.id } },
      body: { locationId: location.id, quantity },
    }),
  );
  return { location, product };
}

const postTwice = async (path: string, key: string, body: unknown) => {
  const send = () =>
    raw(system, path, {
      method: 'POST',
      token: admin.accessToken!,
      headers: { 'Idempotency-Key': key },
      body: JSON.stringify(body),
    });
  const first = await send();
  const replay = await send();
  return { first, firstText: await first.text(), replay, replayText: await replay.text() };
};

describe('a repeated Idempotency-Key', () => {
  it('replays a receipt byte for byte', async () => {
    const { location, product } = await stockedProduct(1);
    const { first, firstText, replay, replayText } = await postTwice(
      `/inventory/products/${product.id}/receipts`,
      unique('receipt'),
      { locationId: location.id, quantity: 3, reference: 'PO-7' },
    );
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(replay.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(replayText).toBe(firstText);
  });

  it('replays a payment byte for byte', async () => {
    const { location, product } = await stockedProduct(5);
    // Orders learns the catalogue from inventory's events: retry until it knows the product.
    const order = await eventually(async () =>
      ok(
        await admin.http.POST('/orders', {
          body: {
            customer: { name: 'Ada' },
            locationId: location.id,
            lines: [{ productId: product.id, quantity: 1 }],
          },
        }),
      ),
    );
    const key = unique('payment');
    const body = { orderId: order.id, amount: eur(500), method: 'card', reference: 'card-42' };
    // Payments learns of the order from events: wait until it accepts the payment at all.
    const { first, firstText, replay, replayText } = await eventually(async () => {
      const answers = await postTwice('/payments', key, body);
      expect(answers.first.status).toBe(201);
      return answers;
    });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(replayText).toBe(firstText);
  });
});

describe('a write with a stale If-Match', () => {
  it('is refused with 412 in the client’s words, naming no stream', async () => {
    const { product } = await stockedProduct(1);
    const read = await raw(system, `/inventory/products/${product.id}`, { token: admin.accessToken! });
    const etag = read.headers.get('etag')!;
    const rename = (name: string) =>
      raw(system, `/inventory/products/${product.id}`, {
        method: 'PATCH',
        token: admin.accessToken!,
        headers: { 'If-Match': etag },
        body: JSON.stringify({ name }),
      });
    // Both were read at the same version; whichever lands second finds the product changed.
    const answers = await Promise.all([rename('Desk lamp'), rename('Floor lamp')]);
    const refused = answers.find((answer) => answer.status !== 200);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
    const problem = await problemOf(refused!);
    expect(problem.code).toBe('precondition_failed');
    expect(problem.detail).not.toMatch(/stream/i);
    expect(problem.detail).not.toContain(`product-${product.id}`);
    expect(problem.detail).not.toContain(product.id);
  });
});

describe('CORS', () => {
  const products = (headers: Record<string, string>) =>
    fetch(`${system.baseUrl}/api/v1/inventory/products`, {
      headers: { authorization: `Bearer ${admin.accessToken!}`, ...headers },
    });

  it('answers a preflight from an allowed origin with our methods and headers', async () => {
    const preflight = await fetch(`${system.baseUrl}/api/v1/inventory/products`, {
      method: 'OPTIONS',
      headers: {
        origin: APP,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, idempotency-key, if-match',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
    const allowed = preflight.headers.get('access-control-allow-headers')!.toLowerCase().split(',');
    expect(allowed).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'idempotency-key', 'if-match']),
    );
  });

  it('lets an allowed origin read the answer and the headers a client needs', async () => {
    const answer = await products({ origin: 'http://localhost:5173' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const exposed = answer.headers.get('access-control-expose-headers')!.toLowerCase().split(',');
    expect(exposed).toEqual(expect.arrayContaining(['x-trace-id', 'etag', 'idempotency-replayed']));
    expect(answer.headers.get('vary')).toMatch(/origin/i);
  });

  it('gives an origin not listed no CORS header at all', async () => {
    const answer = await products({ origin: STRANGER });
    const corsHeaders = [...answer.headers.keys()].filter((name) => name.startsWith('access-control-'));
    expect(corsHeaders).toEqual([]);
    const preflight = await fetch(`${system.baseUrl}/api/v1/inventory/products`, {
      method: 'OPTIONS',
      headers: { origin: STRANGER, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  /** The HTTP status the gateway answers a WebSocket upgrade with (101 when it opens). */
  const upgradeStatus = (origin?: string) =>
    new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(`${system.baseUrl.replace('http', 'ws')}/ws`, {
        headers: { authorization: `Bearer ${admin.accessToken!}` },
        ...(origin ? { origin } : {}),
      });
      socket.once('open', () => {
        socket.close();
        resolve(101);
      });
      socket.once('unexpected-response', (_request, response) => {
        resolve(response.statusCode ?? 0);
        socket.terminate();
      });
      socket.once('error', reject);
    });

  it('refuses a WebSocket from a page on another origin, accepts an allowed one and non-browsers', async () => {
    expect(await upgradeStatus(STRANGER)).toBe(403);
    expect(await upgradeStatus(APP)).toBe(101);
    expect(await upgradeStatus()).toBe(101);
  });
});
