import { OmniRealtime, SubscriptionRefusedError, ok, type EventFrame, type OmniClient } from '@omni/client';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { signInAsAdmin, signInWithRoles, unique } from './helpers.js';

const run = promisify(execFile);

let system: RunningSystem;
let admin: OmniClient;

beforeAll(async () => {
  system = await startSystem({ env: { WS_MAX_BUFFERED_BYTES: '65536' } });
  admin = await signInAsAdmin(system);
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await system?.stop();
});

async function setUpProduct() {
  const location = ok(
    await admin.http.POST('/inventory/locations', { body: { code: unique('SSE'), name: 'Shop' } }),
  );
  const product = ok(
    await admin.http.POST('/inventory/products', {
      body: { sku: unique('SSE'), name: 'Widget', price: { amount: 100, currency: 'EUR' } },
    }),
  );
  return { locationId: location.id, productId: product.id };
}

const receive = (productId: string, locationId: string, quantity: number) =>
  admin.http.POST('/inventory/products/{productId}/receipts', {
    params: { path: { productId } },
    body: { locationId, quantity },
  });

interface SseEvent {
  readonly id: number;
  readonly type: string;
  readonly data: { type: string; data: { quantity?: number } };
}

/** A raw event stream: every event block parsed as it arrives. */
async function openStream(path: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await fetch(`${system.baseUrl}/api/v1/events${path}`, { headers, signal: abort.signal });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  if (response.ok) {
    void (async () => {
      let buffer = '';
      try {
        for await (const chunk of response.body!.pipeThrough(new TextDecoderStream())) {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const lines = buffer.slice(0, end).split('\n');
            buffer = buffer.slice(end + 2);
            comments.push(...lines.filter((l) => l.startsWith(':')));
            const field = (name: string) =>
              lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
            const data = field('data');
            if (data) events.push({ id: Number(field('id')), type: field('event')!, data: JSON.parse(data) });
          }
        }
      } catch {
        // aborted by the test
      }
    })();
  }
  return { response, events, comments, close: () => abort.abort() };
}

describe('an SSE subscription', () => {
  it('answers text/event-stream and pushes live events with the stream sequence as id and the type as event', async () => {
    const { productId, locationId } = await setUpProduct();
    const stream = await openStream(
      `?subject=inventory.product.${productId}.stock_received&access_token=${admin.accessToken!}`,
    );
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await eventually(() => expect(stream.comments).toContain(': subscribed'));
    ok(await receive(productId, locationId, 3));
    await eventually(() => expect(stream.events).toHaveLength(1));
    expect(stream.events[0]).toMatchObject({
      type: 'inventory.product.stock_received',
      data: { type: 'inventory.product.stock_received', subject: productId, data: { quantity: 3 } },
    });
    expect(stream.events[0]!.id).toBeGreaterThan(0);
    stream.close();
  });

  it('resumes with Last-Event-ID: exactly the 50 events written while away, in order, then live ones', async () => {
    const { productId, locationId } = await setUpProduct();
    const subject = `inventory.product.${productId}.stock_received`;
    const auth = { authorization: `Bearer ${admin.accessToken!}` };
    const first = await openStream(`?subject=${subject}`, auth);
    ok(await receive(productId, locationId, 1000));
    await eventually(() => expect(first.events).toHaveLength(1));
    first.close();

    for (let quantity = 1; quantity <= 50; quantity++) ok(await receive(productId, locationId, quantity));
    const resumed = await openStream(`?subject=${subject}`, {
      ...auth,
      'last-event-id': String(first.events[0]!.id),
    });
    await eventually(() => expect(resumed.events.length).toBeGreaterThanOrEqual(50));
    ok(await receive(productId, locationId, 51));
    await eventually(() => expect(resumed.events).toHaveLength(51));
    expect(resumed.events.map((e) => e.data.data.quantity)).toEqual(
      Array.from({ length: 51 }, (_, i) => i + 1),
    );
    const ids = resumed.events.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(51);
    resumed.close();
  });

  it('is refused like the WebSocket: 401 without a valid token, 403 outside the role, 400 for a bad filter', async () => {
    const staff = await signInWithRoles(system, admin, ['staff']);
    const noToken = await openStream('?subject=inventory.>');
    expect(noToken.response.status).toBe(401);
    const badToken = await openStream('?subject=inventory.>&access_token=nonsense');
    expect(badToken.response.status).toBe(401);
    const forbidden = await openStream(`?subject=orders.>&access_token=${staff.accessToken!}`);
    expect(forbidden.response.status).toBe(403);
    expect(forbidden.response.headers.get('content-type')).toMatch(/problem\+json/);
    const everything = await openStream(`?subject=>&access_token=${staff.accessToken!}`);
    expect(everything.response.status).toBe(400);
    const badSince = await openStream(`?subject=inventory.>&since=soon&access_token=${staff.accessToken!}`);
    expect(badSince.response.status).toBe(400);
  });

  it('answers a CORS preflight for an allowed origin', async () => {
    const response = await fetch(`${system.baseUrl}/api/v1/events`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-headers': 'authorization' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
  });
});

describe('the client over SSE', () => {
  it('subscribes over Server-Sent Events when asked to, and receives live events as frames', async () => {
    const { productId, locationId } = await setUpProduct();
    const realtime = new OmniRealtime({
      baseUrl: system.baseUrl,
      accessToken: () => admin.accessToken!,
      transport: 'sse',
    });
    const frames: EventFrame[] = [];
    const subscription = await realtime.subscribe(`inventory.product.${productId}.stock_received`, (f) =>
      frames.push(f),
    );
    expect(realtime.transport).toBe('sse');
    expect(subscription.lastSeq).toBeGreaterThanOrEqual(0);
    ok(await receive(productId, locationId, 7));
    await eventually(() => expect(frames).toHaveLength(1));
    expect(frames[0]).toMatchObject({
      op: 'event',
      subject: `inventory.product.${productId}.stock_received`,
      stream: 'INVENTORY',
      event: { data: { quantity: 7 } },
    });
    realtime.close();
  });

  it('rejects a subscription the gateway refuses, as over the WebSocket', async () => {
    const staff = await signInWithRoles(system, admin, ['staff']);
    const realtime = new OmniRealtime({
      baseUrl: system.baseUrl,
      accessToken: () => staff.accessToken!,
      transport: 'sse',
    });
    const refused = realtime.subscribe('orders.>', () => undefined);
    await expect(refused).rejects.toBeInstanceOf(SubscriptionRefusedError);
    await expect(refused).rejects.toMatchObject({ frame: { code: 'forbidden' } });
    realtime.close();
  });
});

it('cuts off an SSE reader that stops reading', async () => {
  // ~20 MB of events, far more than the gateway may queue for one reader (WS_MAX_BUFFERED_BYTES).
  const big = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'x'.repeat(1000)]));
  const register = () =>
    admin.http.POST('/inventory/products', {
      body: { sku: unique('BIG'), name: 'Big', price: { amount: 1, currency: 'EUR' }, attributes: big },
    });
  for (let i = 0; i < 100; i++)
    await Promise.all([register(), register(), register(), register(), register()]);

  const port = new URL(system.baseUrl).port;
  const script = fileURLToPath(new URL('./fixtures/stalled-sse-client.py', import.meta.url));
  const { stdout } = await run('python3', [script, port, admin.accessToken!, 'inventory.>', '5']);
  expect(stdout.trim()).toBe('cut');
  expect((await fetch(`${system.baseUrl}/health/live`)).status).toBe(200);
}, 120_000);
