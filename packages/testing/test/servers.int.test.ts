import pg from 'pg';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startTestNats, type TestNatsServer } from '@omni/testing';
import {
  findNatsServer,
  redact,
  resolveNats,
  resolvePostgres,
  ServerUnavailableError,
  type ResolvedServer,
} from '@omni/testing/servers';

const NOTHING_THERE = '127.0.0.1:1';
const quickly = { connectTimeoutMs: 1_000 };
const scratchDir = () => path.join(tmpdir(), `omni-servers-test-${randomBytes(4).toString('hex')}`);

async function currentDatabase(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('select current_database() as name')).rows[0].name;
  } finally {
    await client.end();
  }
}

describe('resolving PostgreSQL when nothing answers on the default address', () => {
  let server: ResolvedServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = scratchDir();
    server = await resolvePostgres({
      ...quickly,
      configuredBy: 'DATABASE_URL',
      defaultUrl: `postgres://postgres@${NOTHING_THERE}/omni`,
      dataDir,
      persistent: false,
    });
  }, 120_000); // initdb on a shared machine

  afterAll(async () => {
    await server?.stop();
  });

  it('starts an embedded server that takes connections', async () => {
    expect(server.origin).toBe('embedded');
    expect(server.description).toMatch(
      /^PostgreSQL: postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres \(embedded/,
    );
    expect(await currentDatabase(server.url)).toBe('postgres');
  });

  it('refuses a configured URL the server answers with a bad password, at once and by name', async () => {
    const wrongPassword = server.url.replace(/:[^:@/]+@/, ':wrong@');
    const attempt = resolvePostgres({
      connectTimeoutMs: 60_000, // a refusal is final, so this bound is never reached
      configuredUrl: wrongPassword,
      configuredBy: 'DATABASE_URL',
      defaultUrl: server.url,
      dataDir: scratchDir(),
    });
    await expect(attempt).rejects.toThrow(ServerUnavailableError);
    await expect(attempt).rejects.toThrow(
      /^PostgreSQL at postgres:\/\/postgres:\*\*\*@.* \(DATABASE_URL\) refuses us: password authentication failed/,
    );
  });

  it('uses the configured server when it answers, even if only its database is missing', async () => {
    const missingDatabase = server.url.replace(/\/postgres$/, '/not_created_yet');
    const resolved = await resolvePostgres({
      ...quickly,
      configuredUrl: missingDatabase,
      configuredBy: 'DATABASE_URL',
      defaultUrl: `postgres://postgres@${NOTHING_THERE}/omni`,
      dataDir: scratchDir(),
    });
    expect(resolved.origin).toBe('configured');
    expect(resolved.url).toBe(missingDatabase);
  });

  it('deletes the data of a non-persistent server when it stops, and its process is gone', async () => {
    const pid = server.pid!;
    await server.stop();
    expect(existsSync(dataDir)).toBe(false);
    expect(() => process.kill(pid, 0)).toThrow();
  });
});

describe('resolving NATS', () => {
  let nats: TestNatsServer;

  beforeAll(async () => {
    nats = await startTestNats();
  });
  afterAll(async () => {
    await nats?.dispose();
  });

  it('uses a server already running on the default address', async () => {
    const resolved = await resolveNats({
      ...quickly,
      configuredBy: 'NATS_URL',
      defaultUrl: nats.url,
      dataDir: scratchDir(),
    });
    expect(resolved.origin).toBe('default');
    expect(resolved.description).toBe(`NATS: ${nats.url} (already running on the default address)`);
  });

  it('gives up on a configured server that never answers, naming it', async () => {
    const attempt = resolveNats({
      ...quickly,
      configuredUrl: `nats://${NOTHING_THERE}`,
      configuredBy: 'NATS_URL',
      defaultUrl: nats.url,
      dataDir: scratchDir(),
    });
    await expect(attempt).rejects.toThrow(
      `cannot reach NATS at nats://${NOTHING_THERE} (NATS_URL): connection refused; gave up after 1 s`,
    );
  });
});

describe('redact', () => {
  it('hides passwords in URLs and leaves the rest', () => {
    expect(redact('postgres://me:s3cret@db:5432/omni')).toBe('postgres://me:***@db:5432/omni');
    expect(redact('nats://a:4222,nats://u:p@b:4222')).toBe('nats://a:4222,nats://u:***@b:4222');
    expect(redact('postgres://postgres@127.0.0.1:5432/omni')).toBe('postgres://postgres@127.0.0.1:5432/omni');
  });
});

describe('finding nats-server', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'omni-find-nats-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds an executable nats-server on PATH', async () => {
    const binary = path.join(dir, 'nats-server');
    await writeFile(binary, '#!/bin/sh\n', { mode: 0o755 });
    expect(findNatsServer({ PATH: `/nonexistent${path.delimiter}${dir}` }, [])).toBe(binary);
  });

  it('finds none where PATH has none and ignores a NATS_SERVER_BIN that cannot run', () => {
    expect(
      findNatsServer({ PATH: '/nonexistent', NATS_SERVER_BIN: '/nonexistent/nats-server' }, []),
    ).toBeUndefined();
  });
});
