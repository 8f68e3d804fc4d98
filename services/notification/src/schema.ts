import { withAdvisoryLock } from '@omni/event-store';
import type { Pool } from 'pg';

/**
 * What notification keeps besides its log and read models: each user's preferences, which are
 * settings a user overwrites, not a history (services/notification/README.md). Idempotent and safe
 * when several instances start at once.
 */
export async function migrateNotificationSchema(pool: Pool, schema: string): Promise<void> {
  await withAdvisoryLock(pool, `${schema}.migrations`, async (client) => {
    await client.query(`
      CREATE TABLE IF NOT EXISTS ${schema}.preferences (
        user_id uuid PRIMARY KEY,
        email boolean NOT NULL DEFAULT true,
        muted_categories text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  });
}
