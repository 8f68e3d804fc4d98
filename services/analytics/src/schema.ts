import { withAdvisoryLock } from '@omni/event-store';
import type { Pool } from 'pg';

/**
 * What analytics keeps besides its log and read models: the sampled relay lag and dead letters per
 * service (operations/health-sampler.ts). They are not events, so no replay rebuilds them; the next
 * sample refreshes them. Idempotent and safe when several instances start at once.
 */
export async function migrateAnalyticsSchema(pool: Pool, schema: string): Promise<void> {
  await withAdvisoryLock(pool, `${schema}.migrations`, async (client) => {
    await client.query(`
      CREATE TABLE IF NOT EXISTS ${schema}.service_health (
        service text PRIMARY KEY,
        relay_lag_events int,
        relay_lag_seconds double precision,
        dead_letters int NOT NULL DEFAULT 0,
        sampled_at timestamptz NOT NULL
      )`);
  });
}
