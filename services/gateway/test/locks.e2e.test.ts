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
  if (secondGateway && secondGateway.exitCode === null) {
    const exited = new Promise((resolve) => secondGateway.once('exit', resolve));
    secondGateway.kill('SIGTERM');
    await exited;
  }
  await system?.stop();
});

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
