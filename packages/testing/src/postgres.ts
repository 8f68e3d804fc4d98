import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { isPortOpen } from './ports.js';

export interface TestDatabase {
  /** Connection string of the fresh database. */
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A fresh, empty database for one test suite: `CREATE DATABASE` on the local server (or, where no
 * local server answers and a Docker engine does, on a testcontainers PostgreSQL), dropped after.
 */
export async function createTestDatabase(prefix = 'omni_test'): Promise<TestDatabase> {
  const adminUrl = await adminDatabaseUrl();
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => withAdmin(adminUrl, (c) => dropWhenClosed(c, name)),
  };
}

/**
 * `pool.end()` resolves before its sockets are closed; forcing the drop at once would kill those
 * sessions and their clients would report the termination as an unhandled error in whatever test
 * runs next. So wait for the suite's connections to go, and force only as a last resort.
 */
async function dropWhenClosed(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error; // 55006: still in use
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

let containerUrl: Promise<string> | undefined;

async function adminDatabaseUrl(): Promise<string> {
  if (process.env.OMNI_TEST_POSTGRES_URL) return process.env.OMNI_TEST_POSTGRES_URL;
  if (await isPortOpen('127.0.0.1', 5432)) return DEFAULT_ADMIN_URL;
  containerUrl ??= startPostgresContainer();
  return containerUrl;
}

async function startPostgresContainer(): Promise<string> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer('postgres:15')
    .withUsername('postgres')
    .withPassword('postgres')
    .start();
  return `postgres://postgres:postgres@${container.getHost()}:${container.getPort()}/postgres`;
}
