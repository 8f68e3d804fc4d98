import { withAdvisoryLock } from '@omni/event-store';
import type { Pool } from 'pg';

/**
 * What ticketing keeps besides its log and read models (those come from runEventSourcedService).
 * Idempotent and safe when several instances start at once.
 */
export async function migrateTicketingSchema(pool: Pool, schema: string): Promise<void> {
  await withAdvisoryLock(pool, `${schema}.migrations`, async (client) => {
    // `q` searches substrings of number, title and description through a trigram index (README).
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
  });
}
