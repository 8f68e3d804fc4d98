import type { Pool } from 'pg';
import { withAdvisoryLock } from './transaction.js';

/** The notification channel the relay listens on: one per service schema. */
export const eventsChannel = (schema: string) => `${schema}_events`;

/**
 * Creates the service's event log (ARCHITECTURE §4). Idempotent; concurrent callers serialise on an
 * advisory lock, so several instances of a service can start at once.
 */
export async function migrateEventStore(pool: Pool, schema: string): Promise<void> {
  assertIdentifier(schema);
  await withAdvisoryLock(pool, `${schema}.event-store`, async (client) => {
    await client.query(`
      CREATE SCHEMA IF NOT EXISTS ${schema};
      CREATE TABLE IF NOT EXISTS ${schema}.events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id text NOT NULL,
        stream_version int NOT NULL,
        event_id uuid NOT NULL UNIQUE,
        event_type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (stream_id, stream_version)
      );
      CREATE INDEX IF NOT EXISTS events_commit_order ON ${schema}.events (transaction_id, global_position);
      -- Folded states of long streams, written with the events that produced them (see command-processor.ts).
      CREATE TABLE IF NOT EXISTS ${schema}.snapshots (
        stream_id text PRIMARY KEY,
        snapshot_key text NOT NULL,
        version int NOT NULL,
        state jsonb NOT NULL
      );
      -- Idempotency keys of commands, recorded with their events (see command-processor.ts).
      CREATE TABLE IF NOT EXISTS ${schema}.command_keys (
        key text PRIMARY KEY,
        stream_id text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      -- Keys unique across streams (a SKU, a code), claimed in the command's transaction (stream-cache.ts).
      CREATE TABLE IF NOT EXISTS ${schema}.unique_keys (
        kind text NOT NULL,
        key text NOT NULL,
        owner_id text NOT NULL,
        PRIMARY KEY (kind, key)
      );
      -- Appends notify after commit (see store.ts), not from a trigger: a NOTIFY inside the transaction
      -- serialises every committing writer on one lock and defeats group commit.
      DROP TRIGGER IF EXISTS events_notify ON ${schema}.events;
      DROP FUNCTION IF EXISTS ${schema}.notify_events();`);
  });
}

/** Schema names are interpolated into SQL, so they must be plain identifiers. */
export function assertIdentifier(name: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new RangeError(`not a plain SQL identifier: ${name}`);
}
