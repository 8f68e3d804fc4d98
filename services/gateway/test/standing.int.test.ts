// The per-request standing check against a real PostgreSQL: lookups made in one turn of the event loop
// share one query, and each answer is the user's row as committed before the lookup was asked for.
import { newId } from '@omni/contracts';
import { createEventStore } from '@omni/event-store';
import { useTestDatabase } from '@omni/testing';
import { Users } from '../src/identity/users.js';
import { GATEWAY_SCHEMA, migrateGatewaySchema } from '../src/schema.js';

const database = useTestDatabase({ prefix: 'gateway_standing' });
let users: Users;
let standingQueries = 0;
const metadata = { correlationId: newId(), causationId: newId() };
const newUser = (roles: ('clerk' | 'manager')[]) =>
  users.create(
    { email: `${newId()}@omni.test`, name: 'U', password: 'correct horse battery', roles },
    metadata,
  );

beforeAll(async () => {
  await migrateGatewaySchema(database.pool);
  const query = database.pool.query.bind(database.pool);
  // Counts the statements sent (the pool stays the real one).
  database.pool.query = ((config: unknown, ...rest: unknown[]) => {
    if (typeof config === 'object' && (config as { name?: string }).name === 'gateway-user-standings')
      standingQueries += 1;
    return (query as (...args: unknown[]) => unknown)(config, ...rest);
  }) as typeof database.pool.query;
  users = new Users(
    database.pool,
    createEventStore({ pool: database.pool, schema: GATEWAY_SCHEMA, service: 'gateway' }),
  );
});

it('answers every lookup of one turn with one query, unknown users included', async () => {
  const clerk = await newUser(['clerk']);
  const manager = await newUser(['manager']);
  await users.deactivate(manager.id, metadata);
  standingQueries = 0;

  const [a, b, again, unknown] = await Promise.all([
    users.standing(clerk.id),
    users.standing(manager.id),
    users.standing(clerk.id),
    users.standing(newId()),
  ]);

  expect(standingQueries).toBe(1);
  expect(a).toEqual({ roles: ['clerk'], vendorId: null, active: true });
  expect(again).toEqual(a);
  expect(b).toEqual({ roles: ['manager'], vendorId: null, active: false });
  expect(unknown).toBeUndefined();
});

it('keeps nothing between turns: a change committed before the next lookup is seen by it', async () => {
  const clerk = await newUser(['clerk']);
  expect((await users.standing(clerk.id))?.roles).toEqual(['clerk']);
  await users.update(clerk.id, { roles: ['manager'] }, metadata);
  expect((await users.standing(clerk.id))?.roles).toEqual(['manager']);
  await users.deactivate(clerk.id, metadata);
  expect((await users.standing(clerk.id))?.active).toBe(false);
});
