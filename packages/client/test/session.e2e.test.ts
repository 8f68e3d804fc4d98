import {
  DEFAULT_TIMEOUT_MS,
  OmniApiError,
  OmniClient,
  OmniNetworkError,
  OmniRealtime,
  OmniSignedOutError,
  ok,
} from '@omni/client';
import {
  eventually,
  freePort,
  startSystem,
  type RunningSystem,
  SYSTEM_START_TIMEOUT_MS,
} from '@omni/testing';
import { createServer, type Server, type Socket } from 'node:net';

/** Access tokens this short-lived, so a test can wait for one to expire. */
const ACCESS_TOKEN_TTL_SECONDS = 4;
const ADMIN = { email: 'admin@omni.local', password: 'omni-admin' };
const PASSWORD = 'correct horse battery';

let system: RunningSystem;
let admin: OmniClient;

beforeAll(async () => {
  system = await startSystem({ env: { ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS) } });
  admin = new OmniClient({ baseUrl: system.baseUrl });
  await admin.login(ADMIN.email, ADMIN.password);
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await system?.stop();
});

/** What really went over the wire: every request, the refreshes among them, and the 401 answers. */
interface Wire {
  requests: number;
  refreshes: number;
  unauthorized: number;
}

/** A client signed in as `email` whose requests are counted as they are sent. */
async function signedIn(email: string, password: string): Promise<{ client: OmniClient; wire: Wire }> {
  const wire: Wire = { requests: 0, refreshes: 0, unauthorized: 0 };
  const counting: typeof fetch = async (input, init) => {
    wire.requests++;
    if (new URL(input instanceof Request ? input.url : String(input)).pathname.endsWith('/auth/refresh')) {
      wire.refreshes++;
    }
    const response = await fetch(input, init);
    if (response.status === 401) wire.unauthorized++;
    return response;
  };
  const client = new OmniClient({ baseUrl: system.baseUrl, fetch: counting });
  await client.login(email, password);
  return { client, wire };
}

async function newUser(roles: string[]): Promise<{ id: string; email: string }> {
  const email = `client-${Math.random().toString(36).slice(2, 10)}@omni.test`;
  const user = ok(
    await admin.http.POST('/users', {
      body: { email, name: 'Client test', password: PASSWORD, roles: roles as never },
    }),
  );
  return { id: user.id, email };
}

/** Waits until the gateway refuses this access token as expired (its `exp` claim has passed). */
async function untilExpired(accessToken: string | undefined): Promise<void> {
  const payload = JSON.parse(Buffer.from(accessToken!.split('.')[1]!, 'base64url').toString()) as {
    exp: number;
  };
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, payload.exp * 1000 - Date.now()) + 250));
}

/** Twenty calls at once, of two kinds: the gateway's own and one forwarded to a service. */
const twentyCalls = (client: OmniClient) =>
  Array.from({ length: 20 }, (_, i) =>
    i % 2 === 0 ? client.http.GET('/auth/me') : client.http.GET('/inventory/locations'),
  );

describe('an expired access token', () => {
  it('is refreshed once for 20 concurrent calls, and every call succeeds with the new one', async () => {
    const { client, wire } = await signedIn(ADMIN.email, ADMIN.password);
    const expired = client.accessToken;
    await untilExpired(expired);

    const results = await Promise.all(twentyCalls(client));

    expect(results.map((r) => r.response.status)).toEqual(Array(20).fill(200));
    expect(wire.refreshes).toBe(1);
    expect(wire.unauthorized).toBeGreaterThanOrEqual(1); // the gateway really refused the expired token
    expect(client.accessToken).not.toBe(expired);
    expect(client.signedOut).toBe(false);
  });
});

describe('a refused refresh', () => {
  async function expectSignedOut(
    client: OmniClient,
    wire: Wire,
    calls: Promise<unknown>[],
    signOuts: unknown[],
  ) {
    const outcomes = await Promise.allSettled(calls);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      const reason = (outcome as PromiseRejectedResult).reason as OmniSignedOutError;
      expect(reason).toBeInstanceOf(OmniSignedOutError);
      expect(reason.kind).toBe('signed_out');
    }
    expect(wire.refreshes).toBe(1);
    expect(signOuts).toHaveLength(1);
    expect(client.signedOut).toBe(true);
    expect(client.accessToken).toBeUndefined();

    // Later calls fail the same way without reaching the gateway, until the next sign-in.
    const sent = wire.requests;
    await expect(client.http.GET('/auth/me')).rejects.toBeInstanceOf(OmniSignedOutError);
    expect(wire.requests).toBe(sent);
    expect(signOuts).toHaveLength(1);
  }

  it('signs out a deactivated user: every pending call rejects as signed out, one sign-out event', async () => {
    const user = await newUser(['clerk']);
    const { client, wire } = await signedIn(user.email, PASSWORD);
    const signOuts: OmniSignedOutError[] = [];
    client.onSignedOut((error) => signOuts.push(error));
    ok(await admin.http.POST('/users/{userId}/deactivate', { params: { path: { userId: user.id } } }));

    await expectSignedOut(client, wire, twentyCalls(client), signOuts);
    expect(signOuts[0]!.cause).toMatchObject({ status: 401 });
  });

  it('signs out when the refresh token was revoked elsewhere and the access token expired', async () => {
    const user = await newUser(['clerk']);
    const { client, wire } = await signedIn(user.email, PASSWORD);
    const signOuts: OmniSignedOutError[] = [];
    client.onSignedOut((error) => signOuts.push(error));
    await client.as({ accessToken: client.accessToken!, refreshToken: client.refreshToken! }).logout();
    await untilExpired(client.accessToken);

    await expectSignedOut(client, wire, twentyCalls(client), signOuts);

    await client.login(user.email, PASSWORD); // a new sign-in starts a new session
    expect(ok(await client.http.GET('/auth/me'))).toMatchObject({ email: user.email });
  });
});

describe('errors a UI can tell apart', () => {
  it('normalises a problem into an OmniApiError with status, code, field errors and trace id', async () => {
    const result = await admin.http.POST('/inventory/products', {
      body: { sku: '', name: 'x', price: { amount: -1, currency: 'EURO' } } as never,
    });
    const error = (() => {
      try {
        ok(result);
      } catch (thrown) {
        return thrown as OmniApiError;
      }
    })()!;
    expect(error).toBeInstanceOf(OmniApiError);
    expect(error).toMatchObject({ kind: 'api', status: 400, code: expect.any(String) });
    expect(error.fieldErrors.map((field) => field.path)).toEqual(
      expect.arrayContaining([expect.stringContaining('sku'), expect.stringContaining('price')]),
    );
    expect(error.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(error.traceId).toBe(result.response.headers.get('x-trace-id'));

    const missing = await admin.http.GET('/inventory/products/{productId}', {
      params: { path: { productId: '00000000-0000-4000-8000-000000000000' } },
    });
    expect(() => ok(missing)).toThrow(
      expect.objectContaining({ kind: 'api', status: 404, code: 'product_not_found' }),
    );
  });

  describe('no answer', () => {
    let silent: Server;
    const sockets = new Set<Socket>();
    beforeAll(async () => {
      // A gateway that accepts connections and never answers (hung, or behind a stalled proxy).
      silent = createServer((socket) => sockets.add(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });

    it('is a timeout after the configured deadline (10 s unless told otherwise)', async () => {
      expect(DEFAULT_TIMEOUT_MS).toBe(10_000);
      const { port } = silent.address() as { port: number };
      const client = new OmniClient({
        baseUrl: `http://127.0.0.1:${port}`,
        accessToken: 'any',
        timeoutMs: 300,
      });
      const error = await client.http.GET('/auth/me').catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(OmniNetworkError);
      expect(error).toMatchObject({ kind: 'timeout' });
    });

    it('is offline when nothing listens', async () => {
      const client = new OmniClient({ baseUrl: `http://127.0.0.1:${await freePort()}`, accessToken: 'any' });
      const error = await client.http.GET('/auth/me').catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(OmniNetworkError);
      expect(error).toMatchObject({ kind: 'offline' });
    });
  });
});

describe('OmniRealtime on a client', () => {
  async function productWithLocation(client: OmniClient) {
    const suffix = Math.random().toString(36).slice(2, 10);
    const location = ok(
      await client.http.POST('/inventory/locations', { body: { code: `RT-${suffix}`, name: 'Realtime' } }),
    );
    const product = ok(
      await client.http.POST('/inventory/products', {
        body: { sku: `RT-${suffix}`, name: 'Realtime', price: { amount: 100, currency: 'EUR' } },
      }),
    );
    const receive = async () =>
      ok(
        await client.http.POST('/inventory/products/{productId}/receipts', {
          params: { path: { productId: product.id } },
          body: { locationId: location.id, quantity: 1 },
        }),
      );
    return { product, receive };
  }

  async function restartGateway() {
    const before = system.pidOf('gateway');
    system.kill('gateway');
    await eventually(() => expect(system.pidOf('gateway')).not.toBe(before), { timeoutMs: 30_000 });
    await eventually(async () => expect((await fetch(`${system.baseUrl}/health/ready`)).status).toBe(200), {
      timeoutMs: 30_000,
    });
  }

  it.each(['websocket', 'sse'] as const)(
    'over %s: a connection dropped after its token expired reconnects with a refreshed one and keeps receiving',
    async (transport) => {
      const { client, wire } = await signedIn(ADMIN.email, ADMIN.password);
      const { product, receive } = await productWithLocation(client);
      const realtime = new OmniRealtime({ baseUrl: system.baseUrl, client, transport });
      const seqs: number[] = [];
      await realtime.subscribe(`inventory.product.${product.id}.stock_received`, (frame) =>
        seqs.push(frame.seq),
      );
      await receive();
      await eventually(() => expect(seqs).toHaveLength(1));

      await untilExpired(client.accessToken);
      await restartGateway();
      // No REST call since the token expired: only the reconnect can have refreshed it.
      await eventually(() => expect(wire.refreshes).toBe(1), { timeoutMs: 30_000 });
      for (let i = 0; i < 3; i++) await receive();

      await eventually(() => expect(seqs).toHaveLength(4), { timeoutMs: 30_000 });
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(4);
      realtime.close();
    },
    120_000,
  );

  it('ends every subscription when the refresh is refused, with one sign-out event', async () => {
    const user = await newUser(['clerk']);
    const { client, wire } = await signedIn(user.email, PASSWORD);
    const signOuts: OmniSignedOutError[] = [];
    client.onSignedOut((error) => signOuts.push(error));
    const states: { state: string; reason?: string }[] = [];
    const realtime = new OmniRealtime({
      baseUrl: system.baseUrl,
      client,
      transport: 'websocket',
      onStateChange: (state, detail) => states.push({ state, ...(detail ? { reason: detail.reason } : {}) }),
    });
    await realtime.subscribe('inventory.product.*.registered', () => undefined);

    // The gateway closes a deactivated user's sockets; the reconnect's token is refused, so is the refresh.
    ok(await admin.http.POST('/users/{userId}/deactivate', { params: { path: { userId: user.id } } }));

    await eventually(() => expect(signOuts).toHaveLength(1), { timeoutMs: 30_000 });
    expect(wire.refreshes).toBe(1);
    expect(states).toContainEqual({ state: 'closed', reason: 'signed out' });
    await expect(realtime.subscribe('inventory.>', () => undefined)).rejects.toBeInstanceOf(
      OmniSignedOutError,
    );
    expect(signOuts).toHaveLength(1);
    realtime.close();
  });
});
