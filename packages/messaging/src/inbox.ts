import type { Pool, PoolClient } from 'pg';

/**
 * "Event id processed" records (ARCHITECTURE §5). A handler inserts the record in the same
 * transaction as its effect; a redelivered event finds it and skips the effect.
 */
export async function migrateInbox(pool: Pool, schema: string): Promise<void> {
  // One statement list in one implicit transaction; the advisory lock serialises concurrent starts.
  await pool.query(`
    SELECT pg_advisory_xact_lock(hashtext('${schema}.inbox'));
    CREATE SCHEMA IF NOT EXISTS ${schema};
    CREATE TABLE IF NOT EXISTS ${schema}.processed_events (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`);
}

/** True the first time `consumer` sees `eventId` (inside `tx`); false for a repeat. */
export async function processOnce(
  tx: PoolClient,
  schema: string,
  consumer: string,
  eventId: string,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO ${schema}.processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [consumer, eventId],
  );
  return rowCount === 1;
}
