import { withAdvisoryLock } from '@omni/event-store';
import type { Pool } from 'pg';

/**
 * What orders keeps besides its log and read models (those come from runEventSourcedService).
 * Idempotent and safe when several instances start at once.
 */
export async function migrateOrdersSchema(pool: Pool, schema: string): Promise<void> {
  await withAdvisoryLock(pool, `${schema}.migrations`, async (client) => {
    // Customers' `q` searches substrings of name, e-mail and phone through a trigram index.
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
  });
}
