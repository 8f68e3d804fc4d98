// The lock store itself against a real NATS JetStream key-value bucket (a private server) and real
// PostgreSQL for the holders' names: exactly one holder, renew and release by the holder only, lock ids
// that name their resource, and expiry by the bucket's max age (docs/collaboration.md).
import { ConflictError, ForbiddenError, NotFoundError, ResourceLockedError, newId } from '@omni/contracts';
import { createEventStore } from '@omni/event-store';
import { eventually, useTestDatabase, useTestNats } from '@omni/testing';
import { Locks } from '../src/collaboration/locks.js';
import { Users } from '../src/identity/users.js';
import { GATEWAY_SCHEMA, migrateGatewaySchema } from '../src/schema.js';

const database = useTestDatabase({ prefix: 'gateway_locks' });
const nats = useTestNats();
const TTL_MS = 1_500;
let locks: Locks;
let ada: string;
let bob: string;

beforeAll(async () => {
  await migrateGatewaySchema(database.pool);
  const store = createEventStore({ pool: database.pool, schema: GATEWAY_SCHEMA, service: 'gateway' });
  const users = new Users(database.pool, store);
  const metadata = { correlationId: newId(), causationId: newId() };
  const create = (name: string) =>
    users.create(
      { email: `${newId()}@omni.test`, name, password: 'correct horse battery', roles: ['sales'] },
      metadata,
    );
  [ada, bob] = [(await create('Ada')).id, (await create('Bob')).id];
  locks = await Locks.open(nats.connection, TTL_MS, (id) => users.nameOf(id));
});

const order = () => `orders/order/${newId()}`;

it('gives a free resource to its first taker, refuses the next with the holder, renews for the holder', async () => {
  const resource = order();
  const taken = await locks.acquire(resource, ada);
  expect(taken).toMatchObject({ resource, holder: { id: ada, name: 'Ada' } });
  expect(taken.id.startsWith(`${resource.replaceAll('/', '.')}.`)).toBe(true);

  const refusal = await locks.acquire(resource, bob).catch((error: unknown) => error);
  expect(refusal).toBeInstanceOf(ConflictError);
  expect(refusal).toMatchObject({ code: 'locked', details: { holder: { id: ada, name: 'Ada' } } });

  const again = await locks.acquire(resource, ada);
  expect(again.id).toBe(taken.id);
  const renewed = await locks.renew(taken.id, ada);
  expect(renewed.id).toBe(taken.id);
  expect(Date.parse(renewed.expiresAt)).toBeGreaterThanOrEqual(Date.parse(taken.expiresAt));
});

it('lets one of many concurrent takers win', async () => {
  const resource = order();
  const outcomes = await Promise.allSettled(
    [ada, bob, ada, bob].map((user) => locks.acquire(resource, user)),
  );
  const holders = new Set(outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.holder.id] : [])));
  expect(holders.size).toBe(1);
  for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(ConflictError);
});

it('refuses other users’ writes while locked, and lets only the holder renew or release', async () => {
  const resource = order();
  const lock = await locks.acquire(resource, ada);
  await expect(locks.assertWritable(resource, bob)).rejects.toBeInstanceOf(ResourceLockedError);
  await expect(locks.assertWritable(resource, ada)).resolves.toBeUndefined();
  await expect(locks.renew(lock.id, bob)).rejects.toBeInstanceOf(ForbiddenError);
  await expect(locks.release(lock.id, bob)).rejects.toBeInstanceOf(ForbiddenError);

  await locks.release(lock.id, ada);
  await expect(locks.renew(lock.id, ada)).rejects.toMatchObject({ code: 'lock_not_found' });
  await expect(locks.assertWritable(resource, bob)).resolves.toBeUndefined();
  // Released: the next taker gets it at once (past the release's delete marker).
  expect((await locks.acquire(resource, bob)).holder.id).toBe(bob);
});

it('answers 404 lock_not_found for any id that names no lock', async () => {
  for (const id of [newId(), 'junk', 'orders.order.x.tooShort', `${'a'.repeat(300)}`, 'orders.order.*.>']) {
    await expect(locks.release(id, ada)).rejects.toBeInstanceOf(NotFoundError);
    await expect(locks.renew(id, ada)).rejects.toMatchObject({ code: 'lock_not_found' });
  }
});

it('frees a lock that is not renewed within the lock duration (the bucket max age)', async () => {
  const resource = order();
  await locks.acquire(resource, ada);
  await eventually(async () => expect((await locks.acquire(resource, bob)).holder.id).toBe(bob), {
    timeoutMs: 20_000,
  });
});
