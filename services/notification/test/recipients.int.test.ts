/**
 * The lookups a delivery makes, against the real PostgreSQL: correct per audience, one query per
 * event-loop turn however many deliveries ask, and nothing kept between turns.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { newId } from '@omni/contracts';
import { ensureProjection, migrateProjections } from '@omni/projections';
import { createTestDatabase, type TestDatabase } from '@omni/testing';
import pg from 'pg';
import { updatePreferences } from '../src/application/preferences.js';
import { createRecipientLookups } from '../src/application/recipients.js';
import { migrateOrm, openOrm } from '../src/persistence/orm.js';
import { userDirectoryProjection } from '../src/projections/userDirectory/projection.js';

const SCHEMA = 'notification';
let database: TestDatabase;
let pool: pg.Pool;
let orm: MikroORM;
const [manager, clerk, retired, staff] = [newId(), newId(), newId(), newId()].sort() as [
  string,
  string,
  string,
  string,
];
let queries = 0;
/** The pool the lookups use, counting the statements they send. */
let counted: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase('omni_recipients');
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  await pool.query(`CREATE SCHEMA ${SCHEMA}`);
  await migrateProjections(pool, SCHEMA);
  await ensureProjection(pool, SCHEMA, userDirectoryProjection);
  orm = await openOrm(database.url, SCHEMA);
  await migrateOrm(orm, pool, SCHEMA);
  const users: [string, string[], boolean][] = [
    [manager, ['manager'], true],
    [clerk, ['clerk'], true],
    [retired, ['clerk'], false],
    [staff, ['staff'], true],
  ];
  for (const [id, roles, active] of users) {
    await pool.query(
      `INSERT INTO ${SCHEMA}.user_directory (user_id, email, name, roles, active, version) VALUES ($1, $2, 'U', $3, $4, 1)`,
      [id, `${id}@omni.local`, roles, active],
    );
  }
  await updatePreferences(orm, clerk, { email: true, mutedCategories: ['low_stock'] });
  counted = new Proxy(pool, {
    get: (target, key) =>
      key === 'query'
        ? (...args: Parameters<pg.Pool['query']>) => {
            queries++;
            return (target.query as (...a: unknown[]) => unknown)(...args);
          }
        : Reflect.get(target, key),
  });
});

afterAll(async () => {
  await orm?.close();
  await pool?.end();
  await database?.drop();
});

test('answers every audience and every muting asked for in one turn with one query each', async () => {
  const lookups = createRecipientLookups(counted, SCHEMA);
  queries = 0;
  const [managersAndClerks, clerks, staffOnly, ...muted] = await Promise.all([
    lookups.usersWithAnyRole(['manager', 'clerk']),
    lookups.usersWithAnyRole(['clerk']),
    lookups.usersWithAnyRole(['staff']),
    lookups.mutedCategoriesOf(clerk),
    lookups.mutedCategoriesOf(staff),
    lookups.mutedCategoriesOf(clerk),
  ]);
  expect(managersAndClerks).toEqual([manager, clerk].sort());
  expect(clerks).toEqual([clerk]);
  expect(staffOnly).toEqual([staff]);
  expect(muted).toEqual([['low_stock'], [], ['low_stock']]);
  expect(queries).toBe(2);
});

test("tells each user's muted categories, and none for a user who never set preferences", async () => {
  const lookups = createRecipientLookups(pool, SCHEMA);
  expect(await Promise.all([lookups.mutedCategoriesOf(clerk), lookups.mutedCategoriesOf(manager)])).toEqual([
    ['low_stock'],
    [],
  ]);
});

test('keeps nothing: a change committed before the next turn is seen', async () => {
  const lookups = createRecipientLookups(pool, SCHEMA);
  expect(await lookups.usersWithAnyRole(['manager'])).toEqual([manager]);
  expect(await lookups.mutedCategoriesOf(manager)).toEqual([]);
  await pool.query(`UPDATE ${SCHEMA}.user_directory SET active = false WHERE user_id = $1`, [manager]);
  await updatePreferences(orm, manager, { email: true, mutedCategories: ['order_status'] });
  expect(await lookups.usersWithAnyRole(['manager'])).toEqual([]);
  expect(await lookups.mutedCategoriesOf(manager)).toEqual(['order_status']);
});
