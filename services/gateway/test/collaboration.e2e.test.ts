import { OmniClient, ok } from '@omni/client';
import {
  eventually,
  freePort,
  startSystem,
  waitUntilReady,
  type RunningSystem,
  SYSTEM_START_TIMEOUT_MS,
} from '@omni/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { Kvm } from '@nats-io/kv';
import { connectNats } from '@omni/messaging';
import { LOCKS_BUCKET } from '../src/collaboration/locks.js';
import { signInAsAdmin, signInWithRoles, unique, type ProblemBody } from './helpers.js';

/** Short enough to watch a lock expire, long enough for a few requests on a busy machine. */
const LOCK_TTL_MS = 4000;

let system: RunningSystem;
let secondGateway: ChildProcess;
let secondBaseUrl: string;
let admin: OmniClient;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** A second gateway replica against the same PostgreSQL and NATS, as `npm start` would run it. */
async function startSecondGateway(): Promise<void> {
  const port = await freePort();
  secondBaseUrl = `http://127.0.0.1:${port}`;
  secondGateway = spawn(
    process.execPath,
    ['--enable-source-maps', '--import', '@omni/service-kit/register', 'services/gateway/dist/main.js'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: system.database.url,
        NATS_URL: system.nats.url,
        OMNI_SERVICE: 'gateway',
        PORT: String(port),
        LOCK_TTL_MS: String(LOCK_TTL_MS),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  await waitUntilReady(secondBaseUrl, 90_000, () => secondGateway.exitCode !== null);
}

beforeAll(async () => {
  system = await startSystem({ env: { LOCK_TTL_MS: String(LOCK_TTL_MS) } });
  await startSecondGateway();
  admin = await signInAsAdmin(system);
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  if (secondGateway && secondGateway.exitCode === null && secondGateway.signalCode === null) {
    const exited = new Promise((resolve) => secondGateway.once('exit', resolve));
    secondGateway.kill('SIGTERM');
    await exited;
  }
  await system?.stop();
}, SYSTEM_START_TIMEOUT_MS);

/** The same user, signed in through the second replica. */
function onSecondGateway(client: OmniClient): OmniClient {
  return new OmniClient({
    baseUrl: secondBaseUrl,
    accessToken: client.accessToken!,
    refreshToken: client.refreshToken!,
  });
}

async function newProduct(): Promise<string> {
  const product = ok(
    await admin.http.POST('/inventory/products', {
      body: { sku: unique('LCK'), name: 'Chair', price: { amount: 100, currency: 'EUR' } },
    }),
  );
  return product.id;
}

const lock = (client: OmniClient, resource: string) => client.http.POST('/locks', { body: { resource } });
const rename = (client: OmniClient, productId: string, name: string) =>
  client.http.PATCH('/inventory/products/{productId}', { params: { path: { productId } }, body: { name } });

describe('when a manager locks a product through one gateway', () => {
  it('another manager gets 409 locked through the other gateway, and 423 on their write; the holder still writes', async () => {
    const alice = await signInWithRoles(system, admin, ['manager']);
    const bob = onSecondGateway(await signInWithRoles(system, admin, ['manager']));
    const resource = `inventory/product/${await newProduct()}`;

    const held = ok(await lock(alice, resource));
    expect(held).toMatchObject({ resource, holder: { name: 'manager' } });
    expect(Date.parse(held.expiresAt)).toBeGreaterThan(Date.now() - 1000);

    const refused = await lock(bob, resource);
    expect(refused.response.status).toBe(409);
    expect(refused.error).toMatchObject({ code: 'locked', holder: held.holder, expiresAt: held.expiresAt });

    ok(await alice.http.POST('/locks/{lockId}/renew', { params: { path: { lockId: held.id } } }));
    const write = await rename(bob, resource.split('/')[2]!, 'Stool');
    expect(write.response.status).toBe(423);
    expect(write.error).toMatchObject({ code: 'resource_locked', holder: held.holder });
    expect(ok(await rename(alice, resource.split('/')[2]!, 'Armchair')).name).toBe('Armchair');

    const released = await alice.http.DELETE('/locks/{lockId}', { params: { path: { lockId: held.id } } });
    expect(released.response.status).toBe(204);
    expect(ok(await rename(bob, resource.split('/')[2]!, 'Stool')).name).toBe('Stool');
  });

  it('expires when not renewed: the other user can then lock it', async () => {
    const alice = await signInWithRoles(system, admin, ['manager']);
    const bob = onSecondGateway(await signInWithRoles(system, admin, ['manager']));
    const resource = `inventory/product/${await newProduct()}`;
    const held = ok(await lock(alice, resource));

    await eventually(async () => expect((await lock(bob, resource)).response.status).toBe(201), {
      timeoutMs: 30_000,
    });
    const renew = await alice.http.POST('/locks/{lockId}/renew', { params: { path: { lockId: held.id } } });
    expect(renew.response.status).toBe(404);
  }, 60_000);
});

it('20 concurrent lock attempts by 20 users across two gateways: exactly one holder', async () => {
  const resource = `inventory/product/${await newProduct()}`;
  const users = await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      const user = await signInWithRoles(system, admin, ['clerk']);
      return i % 2 === 0 ? user : onSecondGateway(user);
    }),
  );
  const answers = await Promise.all(users.map((user) => lock(user, resource)));
  const statuses = answers.map((a) => a.response.status).sort();
  expect(statuses).toEqual([201, ...Array<number>(19).fill(409)]);
  const winner = answers.find((a) => a.response.status === 201)!.data!;
  for (const loser of answers.filter((a) => a.response.status === 409)) {
    expect((loser.error as unknown as ProblemBody & { holder: unknown }).holder).toEqual(winner.holder);
  }
});

describe('renewing and releasing', () => {
  const renew = (client: OmniClient, lockId: string) =>
    client.http.POST('/locks/{lockId}/renew', { params: { path: { lockId } } });
  const release = (client: OmniClient, lockId: string) =>
    client.http.DELETE('/locks/{lockId}', { params: { path: { lockId } } });

  it('only the holder renews or releases (403 for another user, on either gateway)', async () => {
    const alice = await signInWithRoles(system, admin, ['manager']);
    const bob = await signInWithRoles(system, admin, ['manager']);
    const held = ok(await lock(alice, `inventory/product/${randomUUID()}`));

    for (const other of [bob, onSecondGateway(bob)]) {
      expect((await renew(other, held.id)).response.status).toBe(403);
      expect((await release(other, held.id)).response.status).toBe(403);
    }
    expect((await release(alice, held.id)).response.status).toBe(204);
  });

  it('asking again for your own lock renews it: same id, through either gateway', async () => {
    const alice = await signInWithRoles(system, admin, ['sales']);
    const resource = `orders/order/${randomUUID()}`;
    const held = ok(await lock(alice, resource));

    const again = ok(await lock(onSecondGateway(alice), resource));
    expect(again).toMatchObject({ id: held.id, resource, holder: held.holder });
    expect(Date.parse(again.expiresAt)).toBeGreaterThanOrEqual(Date.parse(held.expiresAt));
    const renewed = ok(await renew(alice, held.id));
    expect(renewed).toMatchObject({ id: held.id, resource, holder: held.holder });
  });

  it('a released lock is gone at once: 404 lock_not_found for its id, and anyone may lock the resource again', async () => {
    const alice = await signInWithRoles(system, admin, ['manager']);
    const bob = onSecondGateway(await signInWithRoles(system, admin, ['manager']));
    const resource = `inventory/product/${randomUUID()}`;
    const held = ok(await lock(alice, resource));
    expect((await release(alice, held.id)).response.status).toBe(204);

    for (const answer of [await renew(alice, held.id), await release(alice, held.id)]) {
      expect(answer.response.status).toBe(404);
      expect(answer.error).toMatchObject({ code: 'lock_not_found' });
    }
    const taken = ok(await lock(bob, resource));
    expect(taken.id).not.toBe(held.id);
    const refused = await lock(alice, resource);
    expect(refused.response.status).toBe(409);
    expect(refused.error).toMatchObject({ code: 'locked', holder: taken.holder });
  });

  it('an id that names no lock, whatever its shape, is 404 lock_not_found (never a 500)', async () => {
    const alice = await signInWithRoles(system, admin, ['manager']);
    const held = ok(await lock(alice, `inventory/product/${randomUUID()}`));
    const nonce = held.id.split('.').at(-1)!;
    const notLocks = [
      'nonsense',
      randomUUID(), // the shape lock ids had before they named their resource
      `inventory.product.${randomUUID()}.${nonce}`, // a real lock's random part on another resource
      `inventory.warehouse.${randomUUID()}.${nonce}`, // no such kind of resource
      `${held.id.slice(0, -1)}${held.id.endsWith('A') ? 'B' : 'A'}`, // the right resource, the wrong lock
      'inventory.product.>.AAAAAAAAAAAAAAAAAAAAAA', // not a key the bucket may be asked for
      `inventory.product.${'a'.repeat(500)}.AAAAAAAAAAAAAAAAAAAAAA`, // longer than any resource id
    ];
    for (const lockId of notLocks) {
      for (const answer of [await renew(alice, lockId), await release(alice, lockId)]) {
        expect({ lockId, status: answer.response.status, error: answer.error }).toMatchObject({
          lockId,
          status: 404,
          error: { code: 'lock_not_found' },
        });
      }
    }
    expect((await release(alice, held.id)).response.status).toBe(204);
  });
});

it('honours a lock written before lock ids named their resource; asking again gives it such an id', async () => {
  const alice = await signInWithRoles(system, admin, ['manager']);
  const bob = onSecondGateway(await signInWithRoles(system, admin, ['manager']));
  const aliceId = ok(await alice.http.GET('/auth/me')).id;
  const productId = await newProduct();
  const resource = `inventory/product/${productId}`;
  const nats = await connectNats({ url: system.nats.url, name: 'collaboration-test' });
  try {
    const bucket = await new Kvm(nats).open(LOCKS_BUCKET);
    const previousFormat = { id: randomUUID(), resource, holder: { id: aliceId, name: 'manager' } };
    await bucket.create(resource, JSON.stringify(previousFormat));
  } finally {
    await nats.close();
  }

  const write = await rename(bob, productId, 'Stool');
  expect(write.response.status).toBe(423);
  expect(write.error).toMatchObject({ code: 'resource_locked', holder: { id: aliceId, name: 'manager' } });
  const again = ok(await lock(alice, resource));
  expect(again.id.startsWith(`inventory.product.${productId}.`)).toBe(true);
  expect(
    (await alice.http.DELETE('/locks/{lockId}', { params: { path: { lockId: again.id } } })).response.status,
  ).toBe(204);
  expect(ok(await rename(bob, productId, 'Stool')).name).toBe('Stool');
});

describe('refusals', () => {
  it('refuses a lock on what the role may not write (403) and a malformed resource (400)', async () => {
    const accountant = await signInWithRoles(system, admin, ['accountant']);
    const forbidden = await lock(accountant, `inventory/product/${await newProduct()}`);
    expect(forbidden.response.status).toBe(403);
    const malformed = await lock(accountant, 'the whole database');
    expect(malformed.response.status).toBe(400);
    expect(malformed.error).toMatchObject({ errors: [expect.objectContaining({ path: 'resource' })] });
  });
});

interface PresenceFrame {
  readonly op: 'presence';
  readonly id: string;
  readonly resource: string;
  readonly users: { id: string; name: string; since: string }[];
}

/** A WebSocket on one gateway that records every frame. */
async function socketOn(baseUrl: string, client: OmniClient) {
  const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/ws?access_token=${client.accessToken!}`);
  const frames: Record<string, unknown>[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(String(data)) as Record<string, unknown>));
  await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
  const send = (frame: object) => socket.send(JSON.stringify(frame));
  const latestPresence = () =>
    frames.filter((f): f is PresenceFrame & Record<string, unknown> => f['op'] === 'presence').at(-1);
  const presentNames = () =>
    latestPresence()
      ?.users.map((u) => u.name)
      .sort();
  return { socket, frames, send, latestPresence, presentNames };
}

/** A signed-in sales user with this display name. */
async function salesUser(name: string): Promise<OmniClient> {
  const email = `${unique(name.toLowerCase())}@omni.test`;
  ok(
    await admin.http.POST('/users', {
      body: { email, name, password: 'correct horse battery', roles: ['sales'] },
    }),
  );
  const client = new OmniClient({ baseUrl: system.baseUrl });
  await client.login(email, 'correct horse battery');
  return client;
}

describe('presence on an order', () => {
  it('three users on two gateways see each other; a closed socket is seen leaving within 10 s', async () => {
    const resource = `orders/order/${randomUUID()}`;
    const [ann, ben, cat] = await Promise.all([salesUser('Ann'), salesUser('Ben'), salesUser('Cat')]);
    const a = await socketOn(system.baseUrl, ann!);
    const b = await socketOn(system.baseUrl, ben!);
    const c = await socketOn(secondBaseUrl, cat!);
    for (const member of [a, b, c]) member.send({ op: 'join', id: 'p', resource });

    for (const member of [a, b, c]) {
      await eventually(() => expect(member.presentNames()).toEqual(['Ann', 'Ben', 'Cat']));
      expect(member.latestPresence()).toMatchObject({ op: 'presence', id: 'p', resource });
    }

    c.socket.terminate();
    for (const member of [a, b]) {
      await eventually(() => expect(member.presentNames()).toEqual(['Ann', 'Ben']), { timeoutMs: 10_000 });
    }
    b.send({ op: 'leave', id: 'p' });
    await eventually(() => expect(a.presentNames()).toEqual(['Ann']), { timeoutMs: 10_000 });
    a.socket.close();
    b.socket.close();
  });

  it('refuses what the role may not read, malformed resources and more than 20 resources per socket', async () => {
    const staff = await signInWithRoles(system, admin, ['staff']);
    const s = await socketOn(system.baseUrl, staff);
    s.send({ op: 'join', id: 'order', resource: `orders/order/${randomUUID()}` });
    s.send({ op: 'join', id: 'bad', resource: 'everything' });
    for (let i = 0; i < 21; i++)
      s.send({ op: 'join', id: `p${i}`, resource: `inventory/product/${randomUUID()}` });
    await eventually(() => {
      expect(s.frames).toContainEqual(
        expect.objectContaining({ op: 'error', id: 'order', code: 'forbidden' }),
      );
      expect(s.frames).toContainEqual(
        expect.objectContaining({ op: 'error', id: 'bad', code: 'bad_request' }),
      );
      expect(s.frames).toContainEqual(
        expect.objectContaining({ op: 'error', id: 'p20', code: 'too_many_subscriptions' }),
      );
    });
    await eventually(() => expect(s.frames.filter((f) => f['op'] === 'presence')).toHaveLength(20));
    s.socket.close();
  });

  // Last: it kills the second gateway.
  it('drops the members of a gateway that dies within 10 s', async () => {
    const resource = `orders/order/${randomUUID()}`;
    const [ann, cat] = await Promise.all([salesUser('Ann'), salesUser('Cat')]);
    const a = await socketOn(system.baseUrl, ann!);
    const c = await socketOn(secondBaseUrl, cat!);
    a.send({ op: 'join', id: 'p', resource });
    c.send({ op: 'join', id: 'p', resource });
    await eventually(() => expect(a.presentNames()).toEqual(['Ann', 'Cat']));

    secondGateway.kill('SIGKILL');
    await eventually(() => expect(a.presentNames()).toEqual(['Ann']), { timeoutMs: 10_000 });
    a.socket.close();
  });
});
