import { migrateEventStore } from '@omni/event-store';
import { ensureProjection, migrateProjections } from '@omni/projections';
import type { Pool } from 'pg';
import { INVENTORY_PROJECTIONS } from './application/context.js';
import { UNIQUE_KEYS_DDL } from './application/unique-keys.js';

/**
 * Creates or upgrades everything inventory keeps in its schema. Idempotent and safe when several
 * instances start at once (each step takes its own advisory lock).
 */
export async function migrateInventorySchema(pool: Pool, schema: string): Promise<void> {
  await migrateEventStore(pool, schema);
  await migrateProjections(pool, schema);
  await withMigrationLock(pool, schema, async (client) => {
    // Substring search on sku and name (`q`) stays fast at 100,000 products with trigram indexes.
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
    await client.query(UNIQUE_KEYS_DDL(schema));
  });
  for (const projection of INVENTORY_PROJECTIONS) await ensureProjection(pool, schema, projection);
}

async function withMigrationLock(
  pool: Pool,
  schema: string,
  work: (client: import('pg').PoolClient) => Promise<void>,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${schema}.migrations`]);
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
