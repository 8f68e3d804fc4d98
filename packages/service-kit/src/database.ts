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

export function createPool(databaseUrl: string, { max = 10 }: { max?: number } = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  // An idle client losing its connection (database restart) must not crash the process; the pool
  // replaces it on the next checkout.
  pool.on('error', () => undefined);
  return pool;
}

export async function ensureSchema(pool: pg.Pool, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new RangeError(`not a plain SQL identifier: ${schema}`);
  await pool.query(
    `SELECT pg_advisory_xact_lock(hashtext('schema:${schema}')); CREATE SCHEMA IF NOT EXISTS ${schema}`,
  );
}
