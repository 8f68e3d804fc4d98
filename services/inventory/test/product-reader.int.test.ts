// The reader another process (the gateway) runs against inventory's read models
// (docs/adr/0010-gateway-reads-inventory-read-models.md). Reads of real data are covered end to end
// through the gateway (services/gateway/test/inventory.e2e.test.ts, vendors.e2e.test.ts).
import { NotFoundError, UnavailableError, newId } from '@omni/contracts';
import { createTestDatabase, type TestDatabase } from '@omni/testing';
import { ensureProjection, migrateProjections } from '@omni/projections';
import pg from 'pg';
import { INVENTORY_READ_MODELS } from '../src/projections/index.js';
import { createProductDetailsReader } from '../src/queries/index.js';

let database: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  await pool.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public'); // the product search index
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

it('answers 503 (worth retrying), not 500, while inventory has not yet created its tables', async () => {
  const reader = createProductDetailsReader(pool, 'inventory_not_started');
  await expect(reader.readAs(newId(), undefined)).rejects.toBeInstanceOf(UnavailableError);
});

it('answers 404 for a product that does not exist once the tables are there', async () => {
  const schema = 'inventory_started';
  await migrateProjections(pool, schema);
  for (const projection of INVENTORY_READ_MODELS.fromLog) await ensureProjection(pool, schema, projection);
  const reader = createProductDetailsReader(pool, schema);
  await expect(reader.readAs(newId(), undefined)).rejects.toBeInstanceOf(NotFoundError);
});
