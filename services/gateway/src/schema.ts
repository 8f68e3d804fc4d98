import { migrateEventStore } from '@omni/event-store';
import { withAdvisoryLock } from '@omni/service-kit';
import type { Pool } from 'pg';

export const GATEWAY_SCHEMA = 'gateway';

/**
 * Identity, refresh-token families and idempotency records: the gateway's own state. Identity changes
 * are also appended to the schema's event log, which the relay publishes on stream GATEWAY.
 */
const DDL = `
  CREATE TABLE IF NOT EXISTS gateway.users (
    id uuid PRIMARY KEY,
    email text NOT NULL,
    name text NOT NULL,
    password_hash text NOT NULL,
    roles text[] NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE UNIQUE INDEX IF NOT EXISTS users_email_key ON gateway.users (lower(email));
  -- Checked on every authenticated request (services/gateway/README.md, Identity), so a deactivation or a
  -- role change is seen by every replica at once.
  ALTER TABLE gateway.users
    ADD COLUMN IF NOT EXISTS vendor_id uuid,
    ADD COLUMN IF NOT EXISTS deactivated_at timestamptz,
    ADD COLUMN IF NOT EXISTS title text,
    ADD COLUMN IF NOT EXISTS department text,
    ADD COLUMN IF NOT EXISTS phone text,
    ADD COLUMN IF NOT EXISTS location_id uuid,
    ADD COLUMN IF NOT EXISTS avatar_url text;

  CREATE TABLE IF NOT EXISTS gateway.refresh_tokens (
    id uuid PRIMARY KEY,
    family_id uuid NOT NULL,
    user_id uuid NOT NULL REFERENCES gateway.users (id),
    secret_hash bytea NOT NULL,
    expires_at timestamptz NOT NULL,
    rotated_at timestamptz,
    revoked_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX IF NOT EXISTS refresh_tokens_family ON gateway.refresh_tokens (family_id);
  CREATE INDEX IF NOT EXISTS refresh_tokens_user ON gateway.refresh_tokens (user_id);

  CREATE TABLE IF NOT EXISTS gateway.idempotency_keys (
    principal text NOT NULL,
    key text NOT NULL,
    request_hash text NOT NULL,
    status int,
    headers jsonb,
    body text,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, key)
  );
  CREATE INDEX IF NOT EXISTS idempotency_keys_created ON gateway.idempotency_keys (created_at);
  -- The body was jsonb, which reorders keys: a replay must be the first answer's exact text.
  DO $$ BEGIN
    IF (SELECT data_type FROM information_schema.columns
        WHERE table_schema = 'gateway' AND table_name = 'idempotency_keys' AND column_name = 'body') = 'jsonb'
    THEN ALTER TABLE gateway.idempotency_keys ALTER COLUMN body TYPE text USING body::text;
    END IF;
  END $$;

  CREATE TABLE IF NOT EXISTS gateway.settings (
    key text PRIMARY KEY,
    value text NOT NULL
  );`;

export async function migrateGatewaySchema(pool: Pool): Promise<void> {
  await withAdvisoryLock(pool, 'gateway.migrations', async (client) => {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${GATEWAY_SCHEMA}`);
    await client.query(DDL);
  });
  await migrateEventStore(pool, GATEWAY_SCHEMA);
}

/**
 * The JWT signing secret: JWT_SECRET when given, else one generated on first start and kept in the
 * database, so tokens survive a gateway restart and every gateway instance agrees.
 */
export async function signingSecret(pool: Pool, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const { randomBytes } = await import('node:crypto');
  await pool.query(
    `INSERT INTO gateway.settings (key, value) VALUES ('jwt_secret', $1) ON CONFLICT DO NOTHING`,
    [randomBytes(32).toString('base64url')],
  );
  const { rows } = await pool.query<{ value: string }>(
    `SELECT value FROM gateway.settings WHERE key = 'jwt_secret'`,
  );
  return rows[0]!.value;
}
