import { createTestDatabase, type TestDatabase } from '@omni/testing';
import pg from 'pg';
import { containsPattern } from '../src/sql.js';

let database: TestDatabase;
let db: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase('omni_sql');
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await database?.drop();
});

async function contains(text: string, search: string): Promise<boolean> {
  const { rows } = await db.query<{ hit: boolean }>('SELECT $1::text ILIKE $2 AS hit', [
    text,
    containsPattern(search),
  ]);
  return rows[0]!.hit;
}

it.each([
  ['Blue Widget', 'widget', true],
  ['Blue Widget', 'green', false],
  ['50% off', '50%', true],
  ['500 off', '50%', false], // % is a literal percent sign, not "anything"
  ['a_b', 'a_b', true],
  ['axb', 'a_b', false], // _ is a literal underscore, not "any one character"
  ['C:\\temp', 'C:\\t', true],
  ['C:temp', 'C:\\t', false], // \ is a literal backslash, not an escape
])('%j contains %j literally in PostgreSQL: %s', async (text, search, expected) => {
  expect(await contains(text, search)).toBe(expected);
});
