import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolvePostgres, type ResolvedServer } from './servers/resolve.js';

export interface TestDatabase {
  /** Connection string of the fresh database. */
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test suite: `CREATE DATABASE` on the test server (see
 * startTestPostgres), dropped after.
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

export interface SuiteDatabase {
  /** A pool on the suite's database; usable from the suite's `beforeAll` on. */
  readonly pool: pg.Pool;
  readonly url: string;
}

/**
 * The usual database of an integration suite: created with a pool before the suite's tests, both
 * closed and dropped after. Call it at the top of the test file; read `pool` inside hooks and tests.
 */
export function useTestDatabase({ prefix, max = 2 }: { prefix?: string; max?: number } = {}): SuiteDatabase {
  let database: TestDatabase | undefined;
  let pool: pg.Pool | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(prefix);
    pool = new pg.Pool({ connectionString: database.url, max });
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useTestDatabase: the database exists from beforeAll on');
    return value;
  };
  return {
    get pool() {
      return ready(pool);
    },
    get url() {
      return ready(database).url;
    },
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

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

let fallbackUrl: Promise<string> | undefined;

async function adminDatabaseUrl(): Promise<string> {
  // Set by the user, or by the Jest global setup that resolved the server once for the whole run.
  if (process.env.OMNI_TEST_POSTGRES_URL) return process.env.OMNI_TEST_POSTGRES_URL;
  // Outside Jest (benchmarks), resolve once per process.
  fallbackUrl ??= startTestPostgres().then((server) => server.url);
  return fallbackUrl;
}

/**
 * The PostgreSQL server whose maintenance database test suites create their databases from:
 * `OMNI_TEST_POSTGRES_URL`, else the local server on 5432, else an embedded one with its data in a
 * temporary directory (deleted when it stops), else, where a Docker engine answers, a container.
 */
export async function startTestPostgres(): Promise<ResolvedServer> {
  const options = {
    configuredUrl: process.env.OMNI_TEST_POSTGRES_URL,
    configuredBy: 'OMNI_TEST_POSTGRES_URL',
    defaultUrl: DEFAULT_ADMIN_URL,
    dataDir: path.join(tmpdir(), `omni-test-postgres-${randomBytes(5).toString('hex')}`),
    persistent: false,
    connectTimeoutMs: 10_000,
  };
  try {
    return await resolvePostgres(options);
  } catch (embeddedFailure) {
    return startPostgresContainer().catch(() => {
      throw embeddedFailure;
    });
  }
}

async function startPostgresContainer(): Promise<ResolvedServer> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer('postgres:15')
    .withUsername('postgres')
    .withPassword('postgres')
    .start();
  const url = `postgres://postgres:postgres@${container.getHost()}:${container.getPort()}/postgres`;
  return {
    kind: 'PostgreSQL',
    url,
    origin: 'embedded',
    description: `PostgreSQL: ${url} (testcontainers)`,
    pid: undefined,
    stop: async () => {
      await container.stop();
    },
  };
}
