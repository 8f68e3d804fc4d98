import { OmniClient, ok } from '@omni/client';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';
import WebSocket from 'ws';
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

const PASSWORD = 'correct horse battery';

async function createUser(roles: string[], extra: { vendorId?: string } = {}) {
  const email = `${unique('user')}@omni.test`;
  const user = ok(
    await admin.http.POST('/users', {
      body: { email, name: 'Some One', password: PASSWORD, roles: roles as never, ...extra },
    }),
  );
  return { user, email };
}

async function signIn(email: string, password = PASSWORD) {
  const client = new OmniClient({ baseUrl: system.baseUrl });
  await client.login(email, password);
  return client;
}

/** A raw socket recording every frame, and how it was closed. */
async function openSocket(token: string) {
  const socket = new WebSocket(`${system.baseUrl.replace('http', 'ws')}/ws?access_token=${token}`);
  const frames: Record<string, unknown>[] = [];
  const closed: { code?: number } = {};
  socket.on('message', (data) => frames.push(JSON.parse(String(data)) as Record<string, unknown>));
  socket.on('close', (code) => (closed.code = code));
  await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
  const send = (frame: unknown) => socket.send(JSON.stringify(frame));
  return { socket, frames, closed, send };
}

describe('when an admin manages users', () => {
  it('lists them filtered by q and role, page by page', async () => {
    const marker = unique('findme');
    for (const roles of [['clerk'], ['clerk'], ['sales']]) {
      ok(
        await admin.http.POST('/users', {
          body: {
            email: `${marker}-${unique('u')}@omni.test`,
            name: 'X',
            password: PASSWORD,
            roles: roles as never,
          },
        }),
      );
    }
    const first = ok(
      await admin.http.GET('/users', { params: { query: { q: marker, role: 'clerk', limit: 1 } } }),
    );
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = ok(
      await admin.http.GET('/users', {
        params: { query: { q: marker, role: 'clerk', limit: 1, cursor: first.nextCursor! } },
      }),
    );
    expect(second.items).toHaveLength(1);
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    expect([...first.items, ...second.items].every((u) => u.roles.includes('clerk'))).toBe(true);
    const manager = await signInWithRoles(system, admin, ['manager']);
    expect((await manager.http.GET('/users', { params: { query: { q: marker } } })).response.status).toBe(
      200,
    );
    const clerk = await signInWithRoles(system, admin, ['clerk']);
    expect((await clerk.http.GET('/users', { params: { query: { q: marker } } })).response.status).toBe(403);
  });

  it('changes name and roles; the new roles apply on the next request with the same token', async () => {
    const { user, email } = await createUser(['staff']);
    const client = await signIn(email);
    expect((await client.http.GET('/users', {})).response.status).toBe(403);
    const updated = ok(
      await admin.http.PATCH('/users/{userId}', {
        params: { path: { userId: user.id } },
        body: { name: 'New Name', roles: ['manager'] },
      }),
    );
    expect(updated).toMatchObject({ name: 'New Name', roles: ['manager'] });
    expect((await client.http.GET('/users', {})).response.status).toBe(200);
  });

  it('refuses a vendor user without a vendorId with a clear 400', async () => {
    const response = await raw(system, '/users', {
      method: 'POST',
      token: admin.accessToken!,
      body: JSON.stringify({
        email: `${unique('v')}@omni.test`,
        name: 'V',
        password: PASSWORD,
        roles: ['vendor'],
      }),
    });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors).toEqual([expect.objectContaining({ path: 'vendorId' })]);
  });
});

describe('when a user is deactivated', () => {
  it('refuses their token on the next request, closes their socket, revokes refresh and refuses login', async () => {
    const { user, email } = await createUser(['clerk']);
    const client = await signIn(email);
    const token = client.accessToken!;
    const refreshToken = client.refreshToken!;
    expect((await raw(system, '/auth/me', { token })).status).toBe(200);
    const { closed } = await openSocket(token);

    const deactivated = ok(
      await admin.http.POST('/users/{userId}/deactivate', { params: { path: { userId: user.id } } }),
    );
    expect(deactivated.active).toBe(false);

    expect((await raw(system, '/auth/me', { token })).status).toBe(401);
    const refresh = await raw(system, '/auth/refresh', {
      method: 'POST',
      body: JSON.stringify({ refreshToken }),
    });
    expect(refresh.status).toBe(401);
    await expect(signIn(email)).rejects.toMatchObject({ status: 401 });
    await eventually(() => expect(closed.code).toBe(4003));
  });
});

describe('when a user changes their password', () => {
  it('needs the current one, signs out their other sessions and keeps this one', async () => {
    const { email } = await createUser(['clerk']);
    const here = await signIn(email);
    const elsewhere = await signIn(email);
    const wrong = await raw(system, '/auth/password', {
      method: 'POST',
      token: here.accessToken!,
      body: JSON.stringify({ currentPassword: 'not it', newPassword: 'a brand new secret' }),
    });
    expect(wrong.status).toBe(422);
    expect((await problemOf(wrong)).code).toBe('wrong_password');

    const changed = await here.http.POST('/auth/password', {
      body: { currentPassword: PASSWORD, newPassword: 'a brand new secret' },
    });
    expect(changed.response.status).toBe(204);
    await expect(elsewhere.refresh()).rejects.toMatchObject({ status: 401 });
    await expect(here.refresh()).resolves.toMatchObject({ accessToken: expect.any(String) });
    await expect(signIn(email)).rejects.toMatchObject({ status: 401 });
    await expect(signIn(email, 'a brand new secret')).resolves.toBeInstanceOf(OmniClient);
  });
});

describe('profiles', () => {
  it('a user edits their own; others read it; only an admin edits anyone', async () => {
    const { user, email } = await createUser(['sales']);
    const owner = await signIn(email);
    const mine = ok(
      await owner.http.PATCH('/auth/me/profile', {
        body: { title: 'Buyer', department: 'Sales', phone: '+49 30 123456' },
      }),
    );
    expect(mine).toMatchObject({ userId: user.id, title: 'Buyer', department: 'Sales', locationId: null });
    expect(ok(await owner.http.GET('/auth/me/profile'))).toEqual(mine);

    const colleague = await signInWithRoles(system, admin, ['clerk']);
    expect(
      ok(await colleague.http.GET('/users/{userId}/profile', { params: { path: { userId: user.id } } })),
    ).toEqual(mine);
    const byColleague = await colleague.http.PATCH('/users/{userId}/profile', {
      params: { path: { userId: user.id } },
      body: { title: 'Hacked' },
    });
    expect(byColleague.response.status).toBe(403);
    const byAdmin = ok(
      await admin.http.PATCH('/users/{userId}/profile', {
        params: { path: { userId: user.id } },
        body: { title: null },
      }),
    );
    expect(byAdmin.title).toBeNull();
  });

  it('refuses fields that are too long, with every offending field listed', async () => {
    const response = await raw(system, '/auth/me/profile', {
      method: 'PATCH',
      token: admin.accessToken!,
      body: JSON.stringify({ title: 'x'.repeat(101), phone: '1'.repeat(21) }),
    });
    expect(response.status).toBe(400);
    const paths = (await problemOf(response)).errors.map((e) => e.path).sort();
    expect(paths).toEqual(['phone', 'title']);
  });
});

describe('identity events on stream GATEWAY', () => {
  it('reach an admin subscription; other roles are forbidden', async () => {
    const watcher = await openSocket(admin.accessToken!);
    watcher.send({ op: 'subscribe', id: 'users', subject: 'gateway.user.*.>' });
    await eventually(() =>
      expect(watcher.frames).toContainEqual(expect.objectContaining({ op: 'subscribed' })),
    );

    const { user } = await createUser(['clerk']);
    ok(
      await admin.http.PATCH('/users/{userId}', {
        params: { path: { userId: user.id } },
        body: { roles: ['sales'] },
      }),
    );
    ok(
      await admin.http.PATCH('/users/{userId}/profile', {
        params: { path: { userId: user.id } },
        body: { title: 'T' },
      }),
    );
    ok(await admin.http.POST('/users/{userId}/deactivate', { params: { path: { userId: user.id } } }));

    const typesFor = () =>
      watcher.frames
        .filter((f) => f.op === 'event' && (f.event as { subject: string }).subject === user.id)
        .map((f) => f.event as { type: string; data: Record<string, unknown>; actorid?: string });
    const events = await eventually(() => {
      const found = typesFor();
      expect(found.map((e) => e.type)).toEqual([
        'gateway.user.created',
        'gateway.user.roles_changed',
        'gateway.user.updated',
        'gateway.user.deactivated',
      ]);
      return found;
    });
    expect(events[1]!.data).toMatchObject({ roles: ['sales'], previousRoles: ['clerk'] });
    expect(events[2]!.data).toMatchObject({ profile: { title: 'T' } });
    expect(JSON.stringify(events)).not.toMatch(/password/i);
    watcher.socket.close();

    const manager = await signInWithRoles(system, admin, ['manager']);
    const refused = await openSocket(manager.accessToken!);
    refused.send({ op: 'subscribe', id: 'users', subject: 'gateway.>' });
    await eventually(() =>
      expect(refused.frames).toContainEqual(expect.objectContaining({ op: 'error', code: 'forbidden' })),
    );
    refused.socket.close();
  });
});
