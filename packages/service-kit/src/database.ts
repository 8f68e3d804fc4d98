import pg from 'pg';

// The transaction helpers live with the event store (the lowest package that talks to PostgreSQL);
// services that are not event-sourced get them here.
export { inTransaction, withAdvisoryLock } from '@omni/event-store';

/**
 * Creates the database named in `databaseUrl` if it does not exist yet (README.md). Several
 * processes start at once under `npm start`, so losing the creation race is fine.
 */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unsupported database name: ${name}`);
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== '42P04' && code !== '23505') throw error; // created meanwhile by another process
  } finally {
    await client.end();
  }
}

/** PostgreSQL settings every connection of a pool starts with (`SET name = value` for the session). */
export type SessionSettings = Readonly<Record<string, string | number>>;

export function createPool(
  databaseUrl: string,
  { max = 10, settings = {} }: { max?: number; settings?: SessionSettings } = {},
): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, ...startupOptions(settings) });
  // An idle client losing its connection (database restart) must not crash the process; the pool
  // replaces it on the next checkout.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Settings travel in the connection's startup packet (`options=-c name=value`), so they cost no round
 * trip and hold for every statement, inside a transaction or not.
 */
function startupOptions(settings: SessionSettings): { options?: string } {
  const entries = Object.entries(settings);
  for (const [name, value] of entries) {
    if (!/^[a-z_][a-z0-9_.]*$/.test(name) || !/^[A-Za-z0-9_.-]+$/.test(String(value)))
      throw new RangeError(`not a plain PostgreSQL setting: ${name}=${value}`);
  }
  return entries.length ? { options: entries.map(([name, value]) => `-c ${name}=${value}`).join(' ') } : {};
}

export async function ensureSchema(pool: pg.Pool, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new RangeError(`not a plain SQL identifier: ${schema}`);
  await pool.query(
    `SELECT pg_advisory_xact_lock(hashtext('schema:${schema}')); CREATE SCHEMA IF NOT EXISTS ${schema}`,
  );
}
