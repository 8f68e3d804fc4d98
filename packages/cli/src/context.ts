import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { createRpcClient, type RpcClient } from '@omni/messaging';
import pg from 'pg';
import { CliError, onShutdown } from './lifecycle.js';

/** Where the CLI finds the system: the same variables `npm start` uses (see docs/runbooks). */
export const NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
export const DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/omni';

/** How long a first connection may take before the command gives up with a one-line error. */
const CONNECT_TIMEOUT_MS = 3_000;
/** How long closing may wait for in-flight messages before the connection is simply dropped. */
const DRAIN_GRACE_MS = 1_000;

export interface Output {
  readonly json: boolean;
  /** A result: JSON with --json, readable text otherwise. Always stdout. */
  result(value: unknown, text: () => string): void;
  /** Progress and notes: stderr, so stdout stays clean for pipes. */
  note(text: string): void;
}

export function output(json: boolean): Output {
  return {
    json,
    result: (value, text) => process.stdout.write(`${json ? JSON.stringify(value) : text()}\n`),
    note: (text) => process.stderr.write(`${text}\n`),
  };
}

/**
 * Runs `work` with a NATS connection that is closed afterwards, on every path, and also when the
 * command is interrupted. The first connection must succeed within seconds; after that the client
 * reconnects by itself (a NATS restart must not end `omni tail`).
 */
export async function withNats<T>(work: (nats: NatsConnection, rpc: RpcClient) => Promise<T>): Promise<T> {
  const nats = await connectOrFail();
  const cancelShutdown = onShutdown(() => closeNats(nats));
  try {
    return await work(nats, createRpcClient(nats, { defaultTimeoutMs: 10_000 }));
  } finally {
    cancelShutdown();
    await closeNats(nats);
  }
}

async function connectOrFail(): Promise<NatsConnection> {
  try {
    return await connect({
      servers: NATS_URL.split(',').map((s) => s.trim()),
      name: 'omni-cli',
      // Unlike a service, the CLI has a person waiting: refuse at once rather than retry forever.
      waitOnFirstConnect: false,
      timeout: CONNECT_TIMEOUT_MS,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
    });
  } catch (error) {
    throw new CliError(`cannot reach NATS at ${NATS_URL} (${reason(error)})`, { cause: error });
  }
}

/**
 * Drain lets pending messages go out, but it waits for a server that may be gone (it reconnects
 * forever): give it a moment, then close, which never waits on the server.
 */
export async function closeNats(nats: NatsConnection): Promise<void> {
  if (nats.isClosed()) return;
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<void>((resolve) => (timer = setTimeout(resolve, DRAIN_GRACE_MS)));
  try {
    await Promise.race([nats.isDraining() ? nats.closed() : nats.drain(), graceOver]);
  } catch {
    // a drain that fails leaves nothing to save: close below
  } finally {
    clearTimeout(timer);
  }
  if (!nats.isClosed()) await nats.close();
}

/**
 * A PostgreSQL pool that has proven it can connect: an unreachable server is a one-line error within
 * seconds, not a hang on the first query. Ended on every path, and when the command is interrupted.
 */
export async function withPostgres<T>(work: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({
    connectionString: DATABASE_URL,
    max: 2,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  pool.on('error', () => undefined); // an idle client losing its server must not crash the CLI
  const cancelShutdown = onShutdown(() => pool.end());
  try {
    await pool.query('SELECT 1').catch((error: unknown) => {
      throw new CliError(`cannot reach PostgreSQL at ${withoutPassword(DATABASE_URL)} (${reason(error)})`, {
        cause: error,
      });
    });
    return await work(pool);
  } finally {
    cancelShutdown();
    await pool.end();
  }
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

function reason(error: unknown): string {
  const { message, code } = error as { message?: string; code?: string };
  return (message || code || String(error)).split('\n')[0]!;
}
