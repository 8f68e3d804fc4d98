import { OmniRealtime, ok, type EventFrame, type OmniClient } from '@omni/client';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';
import { SignJWT } from 'jose';
import pg from 'pg';
import WebSocket from 'ws';
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

const wsUrl = (token?: string) =>
  `${system.baseUrl.replace('http', 'ws')}/ws${token ? `?access_token=${token}` : ''}`;

/** A raw socket that records every frame, for protocol-level assertions. */
async function rawSocket(token = admin.accessToken!) {
  const socket = new WebSocket(wsUrl(token));
  const frames: Record<string, unknown>[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(String(data))));
  await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
  return {
    socket,
    frames,
    send: (frame: unknown) => socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
  };
}

function realtime(client: OmniClient = admin) {
  return new OmniRealtime({ baseUrl: system.baseUrl, accessToken: () => client.accessToken! });
}

async function receiveStock(productId: string, locationId: string, quantity = 1) {
  return ok(
    await admin.http.POST('/inventory/products/{productId}/receipts', {
      params: { path: { productId } },
      body: { locationId, quantity },
    }),
  );
}

/**
 * A fresh product's receipts. Not `inventory.product.<id>.>`: its `registered` event may still be on
 * its way to the stream when a test subscribes, and would then arrive as a live event.
 */
const receiptsOf = (productId: string) => `inventory.product.${productId}.stock_received`;

async function setUpProduct() {
  const location = ok(
    await admin.http.POST('/inventory/locations', { body: { code: unique('WS'), name: 'Shop' } }),
  );
  const product = ok(
    await admin.http.POST('/inventory/products', {
      body: { sku: unique('WS'), name: 'Widget', price: { amount: 100, currency: 'EUR' } },
    }),
  );
  return { location, product };
}

describe('what an event says', () => {
  const eventsOf = (frames: EventFrame[], type: string) => frames.filter((f) => f.event.type === type);
  const userIdOf = async (client: OmniClient) => ok(await client.http.GET('/auth/me')).id;

  it('a receipt carries the resulting stock at its location and in total, and the user who made it', async () => {
    const clerk = await signInWithRoles(system, admin, ['clerk']);
    const { location, product } = await setUpProduct();
    const depot = ok(
      await admin.http.POST('/inventory/locations', { body: { code: unique('WS'), name: 'Depot' } }),
    );
    await receiveStock(product.id, depot.id, 5);
    ok(
      await clerk.http.POST('/inventory/products/{productId}/receipts', {
        params: { path: { productId: product.id } },
        body: { locationId: location.id, quantity: 3 },
      }),
    );
    const frames: EventFrame[] = [];
    const client = realtime();
    await client.subscribe(`inventory.product.${product.id}.>`, (f) => frames.push(f), { since: 0 });
    await eventually(() => expect(eventsOf(frames, 'inventory.product.stock_received')).toHaveLength(2));
    const [byAdmin, byClerk] = eventsOf(frames, 'inventory.product.stock_received');
    expect(byClerk!.event.data).toEqual({
      productId: product.id,
      locationId: location.id,
      quantity: 3,
      reference: null,
      levels: [{ locationId: location.id, onHand: 3, reserved: 0, available: 3 }],
      totals: { onHand: 8, reserved: 0, available: 8 },
    });
    expect(byClerk!.event).toMatchObject({ actorid: await userIdOf(clerk) });
    expect(byAdmin!.event).toMatchObject({ actorid: await userIdOf(admin) });
    client.close();
  });

  it('a reservation made in reaction to an order names no user, the order names its placer', async () => {
    const sales = await signInWithRoles(system, admin, ['sales']);
    const { location, product } = await setUpProduct();
    await receiveStock(product.id, location.id, 3);
    // Orders prices lines from its own price list, which follows inventory's events.
    const order = await eventually(async () =>
      ok(
        await sales.http.POST('/orders', {
          body: {
            customer: { name: 'Ada' },
            locationId: location.id,
            lines: [{ productId: product.id, quantity: 2 }],
          },
        }),
      ),
    );
    const stock: EventFrame[] = [];
    const placed: EventFrame[] = [];
    const client = realtime();
    await client.subscribe(`inventory.product.${product.id}.stock_reserved`, (f) => stock.push(f), {
      since: 0,
    });
    await client.subscribe(`orders.order.${order.id}.placed`, (f) => placed.push(f), { since: 0 });
    await eventually(() => expect(stock).toHaveLength(1));
    await eventually(() => expect(placed).toHaveLength(1));
    expect(stock[0]!.event.data).toMatchObject({
      orderId: order.id,
      levels: [{ locationId: location.id, onHand: 3, reserved: 2, available: 1 }],
      totals: { onHand: 3, reserved: 2, available: 1 },
    });
    expect(stock[0]!.event).not.toHaveProperty('actorid');
    expect(placed[0]!.event).toMatchObject({ actorid: await userIdOf(sales) });
    client.close();
  });
});

describe('delivery', () => {
  it('pushes an event committed through REST to a matching subscription, and only matching ones', async () => {
    const client = realtime();
    const received: EventFrame[] = [];
    const locations: EventFrame[] = [];
    const { location, product } = await setUpProduct();
    await client.subscribe(`inventory.product.${product.id}.stock_received`, (f) => received.push(f));
    await client.subscribe('inventory.location.*.created', (f) => locations.push(f));
    await receiveStock(product.id, location.id, 3);
    ok(
      await admin.http.POST('/inventory/products/{productId}/adjustments', {
        params: { path: { productId: product.id } },
        body: { locationId: location.id, quantityDelta: -1, reason: 'x' },
      }),
    );
    const other = ok(
      await admin.http.POST('/inventory/locations', { body: { code: unique('WS'), name: 'Other' } }),
    );
    await eventually(() => expect(received).toHaveLength(1));
    await eventually(() => expect(locations.map((f) => f.event.subject)).toContain(other.id));
    expect(received[0]!.event).toMatchObject({
      type: 'inventory.product.stock_received',
      subject: product.id,
      data: { quantity: 3 },
    });
    expect(received[0]!.subject).toBe(`inventory.product.${product.id}.stock_received`);
    expect(locations.every((f) => f.subject.startsWith('inventory.location.'))).toBe(true);
    client.close();
  });

  it('stops delivering after unsubscribe', async () => {
    const { location, product } = await setUpProduct();
    const { socket, frames, send } = await rawSocket();
    const eventsFor = (id: string) => frames.filter((f) => f['op'] === 'event' && f['id'] === id);
    const subject = receiptsOf(product.id);
    send({ op: 'subscribe', id: 'a', subject });
    await eventually(() =>
      expect(frames).toContainEqual(expect.objectContaining({ op: 'subscribed', id: 'a' })),
    );
    await receiveStock(product.id, location.id);
    await eventually(() => expect(eventsFor('a')).toHaveLength(1));
    send({ op: 'unsubscribe', id: 'a' });
    // A witness subscribed after the unsubscribe, on the same socket: the server handles a socket's
    // frames in order, so once the witness has the next event, 'a' would have it too had it stayed.
    send({ op: 'subscribe', id: 'witness', subject });
    await eventually(() =>
      expect(frames).toContainEqual(expect.objectContaining({ op: 'subscribed', id: 'witness' })),
    );
    await receiveStock(product.id, location.id);
    await eventually(() => expect(eventsFor('witness')).toHaveLength(1));
    expect(eventsFor('a')).toHaveLength(1);
    socket.close();
  });
});

describe('resuming with since', () => {
  it('delivers every missed event once, in order, then live ones, across the seam', async () => {
    const { location, product } = await setUpProduct();
    const first = await rawSocket();
    first.send({ op: 'subscribe', id: 'a', subject: receiptsOf(product.id) });
    await eventually(() => expect(first.frames.some((f) => f['op'] === 'subscribed')).toBe(true));
    await receiveStock(product.id, location.id);
    await eventually(() => expect(first.frames.filter((f) => f['op'] === 'event')).toHaveLength(1));
    const lastSeen = (first.frames.find((f) => f['op'] === 'event') as { seq: number }).seq;
    first.socket.close();

    for (let i = 0; i < 20; i++) await receiveStock(product.id, location.id); // missed while away
    const writing = (async () => {
      for (let i = 0; i < 20; i++) await receiveStock(product.id, location.id); // during the backlog read
    })();
    const client = realtime();
    const seqs: number[] = [];
    await client.subscribe(receiptsOf(product.id), (f) => seqs.push(f.seq), { since: lastSeen });
    await writing;
    for (let i = 0; i < 5; i++) await receiveStock(product.id, location.id); // live after the seam
    await eventually(() => expect(seqs).toHaveLength(45));
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs); // strictly increasing: no duplicate, in order
    expect(new Set(seqs).size).toBe(45);
    client.close();
  });
});

describe('the client', () => {
  it('reconnects after the gateway restarts and resumes every subscription without gap or duplicate', async () => {
    const { location, product } = await setUpProduct();
    const states: string[] = [];
    const client = new OmniRealtime({
      baseUrl: system.baseUrl,
      accessToken: () => admin.accessToken!,
      onStateChange: (state) => states.push(state),
    });
    const seqs: number[] = [];
    await client.subscribe(receiptsOf(product.id), (f) => seqs.push(f.seq));
    await receiveStock(product.id, location.id);
    await eventually(() => expect(seqs).toHaveLength(1));

    const before = system.pidOf('gateway');
    system.kill('gateway');
    await eventually(() => expect(system.pidOf('gateway')).not.toBe(before), { timeoutMs: 20_000 });
    await eventually(async () => expect((await fetch(`${system.baseUrl}/health/ready`)).status).toBe(200), {
      timeoutMs: 20_000,
    });
    for (let i = 0; i < 5; i++) await receiveStock(product.id, location.id);

    await eventually(() => expect(seqs).toHaveLength(6), { timeoutMs: 20_000 });
    expect(new Set(seqs).size).toBe(6);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(states.filter((s) => s === 'open').length).toBeGreaterThanOrEqual(2);
    client.close();
  });
});

describe('refusals', () => {
  it('refuses the upgrade without a token, with a bad token and with an expired token', async () => {
    const status = (url: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(url);
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('open', () => resolve(101));
        socket.on('error', () => undefined);
      });
    expect(await status(wsUrl())).toBe(401);
    expect(await status(wsUrl('not.a.jwt'))).toBe(401);
    expect(await status(wsUrl(await expiredToken()))).toBe(401);
    expect(await status(wsUrl(admin.accessToken!))).toBe(101);
  });

  it('answers forbidden, bad_request and garbage with error frames and keeps the socket up', async () => {
    const staff = await signInWithRoles(system, admin, ['staff']);
    const { socket, frames, send } = await rawSocket(staff.accessToken!);
    send({ op: 'subscribe', id: 'orders', subject: 'orders.>' });
    send({ op: 'subscribe', id: 'all', subject: '>' });
    send({ op: 'subscribe', id: 'spanning', subject: '*.product.>' });
    send({ op: 'subscribe', id: 'nowhere', subject: 'warehouse.>' });
    send('this is not json');
    send({ op: 'dance' });
    send({ op: 'subscribe', subject: 'inventory.>' });
    send({ op: 'ping' });
    await eventually(() => expect(frames.some((f) => f['op'] === 'pong')).toBe(true));
    const errors = frames.filter((f) => f['op'] === 'error');
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'orders', code: 'forbidden' }),
        expect.objectContaining({ id: 'all', code: 'bad_request' }),
        expect.objectContaining({ id: 'spanning', code: 'bad_request' }),
        expect.objectContaining({ id: 'nowhere', code: 'not_found' }),
      ]),
    );
    expect(errors.filter((f) => f['code'] === 'bad_request').length).toBeGreaterThanOrEqual(5);
    expect(socket.readyState).toBe(WebSocket.OPEN);
    send({ op: 'subscribe', id: 'ok', subject: 'inventory.>' }); // staff may read inventory
    await eventually(() =>
      expect(frames).toContainEqual(
        expect.objectContaining({ op: 'subscribed', id: 'ok', stream: 'INVENTORY' }),
      ),
    );
    socket.close();
  });
});

it('closes a socket that stops reading with 4008', async () => {
  // ~20 MB of events, far more than the gateway may queue for one socket (WS_MAX_BUFFERED_BYTES).
  const big = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'x'.repeat(1000)]));
  const register = () =>
    admin.http.POST('/inventory/products', {
      body: { sku: unique('BIG'), name: 'Big', price: { amount: 1, currency: 'EUR' }, attributes: big },
    });
  for (let i = 0; i < 100; i++)
    await Promise.all([register(), register(), register(), register(), register()]);

  const port = new URL(system.baseUrl).port;
  const subscribe = JSON.stringify({ op: 'subscribe', id: 'everything', subject: 'inventory.>', since: 0 });
  const script = fileURLToPath(new URL('./fixtures/stalled-ws-client.py', import.meta.url));
  const { stdout } = await run('python3', [script, port, admin.accessToken!, subscribe, '5']);
  expect(stdout.trim()).toBe('4008');
  // The gateway is still fine for everyone else.
  expect((await fetch(`${system.baseUrl}/health/live`)).status).toBe(200);
}, 120_000);

/** A token signed with the gateway's real key whose expiry has passed. */
async function expiredToken(): Promise<string> {
  const client = new pg.Client({ connectionString: system.database.url });
  await client.connect();
  const { rows } = await client.query(`SELECT value FROM gateway.settings WHERE key = 'jwt_secret'`);
  await client.end();
  const me = ok(await admin.http.GET('/auth/me', {}));
  return new SignJWT({ roles: ['admin'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(me.id)
    .setIssuer('omni-gateway')
    .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
    .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
    .sign(new TextEncoder().encode(rows[0].value as string));
}
