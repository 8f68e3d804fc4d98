import { withAdvisoryLock } from '@omni/event-store';
import type { Pool } from 'pg';

/**
 * What inventory keeps besides its log and read models (those come from runEventSourcedService).
 * Idempotent and safe when several instances start at once.
 */
export async function migrateInventorySchema(pool: Pool, schema: string): Promise<void> {
  await withAdvisoryLock(pool, `${schema}.migrations`, async (client) => {
    // Substring search on sku and name (`q`) stays fast at 100,000 products with trigram indexes.
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
  });
}
