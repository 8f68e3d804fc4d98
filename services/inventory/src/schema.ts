import { migrateEventStore, withAdvisoryLock } from '@omni/event-store';
import { ensureProjection, migrateProjections } from '@omni/projections';
import type { Pool } from 'pg';
import { INVENTORY_PROJECTIONS } from './application/context.js';

/**
 * Creates or upgrades everything inventory keeps in its schema. Idempotent and safe when several
 * instances start at once (each step takes its own advisory lock).
 */
export async function migrateInventorySchema(pool: Pool, schema: string): Promise<void> {
  await migrateEventStore(pool, schema);
  await migrateProjections(pool, schema);
  await withAdvisoryLock(pool, `${schema}.migrations`, async (client) => {
    // Substring search on sku and name (`q`) stays fast at 100,000 products with trigram indexes.
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
  });
  for (const projection of INVENTORY_PROJECTIONS) await ensureProjection(pool, schema, projection);
}
