import { OmniClient } from '@omni/client';
import { startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';
import { ADMIN, problemOf, raw, signInAsAdmin } from './helpers.js';

let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem();
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await system?.stop();
});

describe('login', () => {
  it('returns a token pair and the user', async () => {
    const session = await new OmniClient({ baseUrl: system.baseUrl }).login(ADMIN.email, ADMIN.password);
    expect(session).toMatchObject({
      expiresIn: expect.any(Number),
      user: { email: ADMIN.email, roles: ['admin'] },
    });
    const me = await raw(system, '/auth/me', { token: session.accessToken });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: ADMIN.email });
  });

  it('answers 401 without saying which part was wrong', async () => {
    const wrongPassword = await raw(system, '/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email: ADMIN.email, password: 'nope' }),
    });
    const unknownUser = await raw(system, '/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email: 'who@omni.test', password: 'nope' }),
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    const [a, b] = [await problemOf(wrongPassword), await problemOf(unknownUser)];
    expect(a.detail).toBe(b.detail);
    expect(wrongPassword.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses requests without a valid access token', async () => {
    expect((await raw(system, '/inventory/products')).status).toBe(401);
    expect((await raw(system, '/inventory/products', { token: 'not-a-jwt' })).status).toBe(401);
  });
});

describe('refresh tokens', () => {
  it('rotate: the new pair works and the old refresh token stops working', async () => {
    const client = await signInAsAdmin(system);
    const first = client.refreshToken!;
    const second = await client.refresh();
    expect(second.refreshToken).not.toBe(first);
    expect((await raw(system, '/auth/me', { token: second.accessToken })).status).toBe(200);
  });

  it('presenting a rotated token revokes the whole family', async () => {
    const client = await signInAsAdmin(system);
    const stolen = client.refreshToken!;
    await client.refresh(); // the legitimate user rotates
    const replay = await raw(system, '/auth/refresh', {
      method: 'POST',
      body: JSON.stringify({ refreshToken: stolen }),
    });
    expect(replay.status).toBe(401);
    // The legitimate user's current token belonged to the same family: it is revoked too.
    await expect(client.refresh()).rejects.toMatchObject({ status: 401 });
  });

  it('logout revokes the refresh token', async () => {
    const client = await signInAsAdmin(system);
    const token = client.refreshToken!;
    await client.logout();
    const after = await raw(system, '/auth/refresh', {
      method: 'POST',
      body: JSON.stringify({ refreshToken: token }),
    });
    expect(after.status).toBe(401);
  });
});

describe('users', () => {
  it('admins create users; a duplicate email is 409; others may not list users', async () => {
    const admin = await signInAsAdmin(system);
    const body = {
      email: 'clerk1@omni.test',
      name: 'Clerk',
      password: 'long enough pw',
      roles: ['clerk' as const],
    };
    expect((await admin.http.POST('/users', { body })).response.status).toBe(201);
    expect((await admin.http.POST('/users', { body })).response.status).toBe(409);
    const clerk = new OmniClient({ baseUrl: system.baseUrl });
    await clerk.login('clerk1@omni.test', 'long enough pw');
    expect((await clerk.http.GET('/users', { params: { query: {} } })).response.status).toBe(403);
    expect((await admin.http.GET('/users', { params: { query: {} } })).response.status).toBe(200);
  });

  it('lists every bad field of a new user', async () => {
    const admin = await signInAsAdmin(system);
    const response = await raw(system, '/users', {
      method: 'POST',
      token: admin.accessToken!,
      body: JSON.stringify({ email: 'not-an-email', name: '', password: 'short', roles: ['wizard'] }),
    });
    expect(response.status).toBe(400);
    const paths = (await problemOf(response)).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'name', 'password', 'roles.0']));
  });
});

it('answers malformed JSON, unknown routes and every error as problem+json with the trace id', async () => {
  const malformed = await raw(system, '/auth/login', { method: 'POST', body: '{"email": ' });
  expect(malformed.status).toBe(400);
  const unknown = await raw(system, '/no/such/route');
  expect(unknown.status).toBe(404);
  for (const response of [malformed, unknown]) {
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const traceId = response.headers.get('x-trace-id');
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect((await problemOf(response)).traceId).toBe(traceId);
  }
});

it('serves the OpenAPI document and its rendering', async () => {
  const document = await fetch(`${system.baseUrl}/api/v1/openapi.json`);
  expect(document.status).toBe(200);
  expect(await document.json()).toMatchObject({
    openapi: '3.1.0',
    paths: expect.objectContaining({ '/inventory/products': expect.any(Object) }),
  });
  const docs = await fetch(`${system.baseUrl}/api/docs`);
  expect(docs.status).toBe(200);
  expect(await docs.text()).toContain('swagger');
});

it('reports readiness of every service', async () => {
  const ready = await fetch(`${system.baseUrl}/health/ready`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toMatchObject({ services: { inventory: 'up' } });
  expect((await fetch(`${system.baseUrl}/health/live`)).status).toBe(200);
});

it('rate-limits repeated failed logins for an account', async () => {
  const admin = await signInAsAdmin(system);
  const body = {
    email: 'target@omni.test',
    name: 'Target',
    password: 'the real password',
    roles: ['staff' as const],
  };
  expect((await admin.http.POST('/users', { body })).response.status).toBe(201);
  const attempt = (password: string) =>
    raw(system, '/auth/login', { method: 'POST', body: JSON.stringify({ email: body.email, password }) });
  for (let i = 0; i < 10; i++) expect((await attempt(`guess-${i}`)).status).toBe(401);
  const limited = await attempt('the real password');
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  expect((await problemOf(limited)).code).toBe('rate_limited');
});
