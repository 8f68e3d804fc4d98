import { connect, type NatsConnection } from '@nats-io/transport-node';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, waitForPort } from './ports.js';
import { findNatsServer } from './servers/embedded-nats.js';

export interface TestNatsServer {
  readonly url: string;
  readonly port: number;
  /** JetStream store directory (deleting files in it simulates an OS crash losing the tail). */
  readonly storeDir: string;
  /** Stops the server (SIGTERM, or SIGKILL when `hard`) and starts it again on the same port and store. */
  restart(options?: { hard?: boolean; downMs?: number }): Promise<void>;
  stop(options?: { hard?: boolean }): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its store. */
  dispose(): Promise<void>;
}

/**
 * A private `nats-server -js` for one test suite on a free port with a temporary store directory.
 * Falls back to a testcontainers NATS image where no binary is installed and Docker answers.
 */
export async function startTestNats(): Promise<TestNatsServer> {
  const binary = findNatsServer();
  if (!binary) return startNatsContainer();
  const port = await freePort();
  const storeDir = await mkdtemp(path.join(tmpdir(), 'omni-nats-'));
  let child: ChildProcess | undefined;

  const start = async () => {
    child = spawn(binary, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], {
      stdio: 'ignore',
    });
    await waitForPort('127.0.0.1', port);
  };
  const stop = async ({ hard = false } = {}) => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((r) => running.once('exit', r));
    running.kill(hard ? 'SIGKILL' : 'SIGTERM');
    await exited;
  };

  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    start,
    stop,
    async restart({ hard = false, downMs = 0 } = {}) {
      await stop({ hard });
      if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
      await start();
    },
    async dispose() {
      await stop({ hard: true });
      await rm(storeDir, { recursive: true, force: true });
    },
  };
}

async function startNatsContainer(): Promise<TestNatsServer> {
  const { GenericContainer } = await import('testcontainers');
  const container = await new GenericContainer('nats:2.10')
    .withCommand(['-js'])
    .withExposedPorts(4222)
    .start();
  const port = container.getMappedPort(4222);
  const unsupported = async () => {
    throw new Error('restarting a containerised NATS is not supported by the test harness');
  };
  return {
    url: `nats://${container.getHost()}:${port}`,
    port,
    storeDir: '',
    start: unsupported,
    stop: async () => {
      await container.stop();
    },
    restart: unsupported,
    dispose: async () => {
      await container.stop();
    },
  };
}

export interface SuiteNats {
  /** The suite's private server (restart, stop… for fault tests); usable from `beforeAll` on. */
  readonly server: TestNatsServer;
  /** A connection to it, closed after the suite. */
  readonly connection: NatsConnection;
}

/**
 * The usual NATS of a suite: a private server and a connection to it, started before the suite's
 * tests and both closed after. Call it at the top of the test file (as useTestDatabase).
 */
export function useTestNats(): SuiteNats {
  let server: TestNatsServer | undefined;
  let connection: NatsConnection | undefined;
  beforeAll(async () => {
    server = await startTestNats();
    connection = await connect({ servers: server.url });
  });
  afterAll(async () => {
    await connection?.close();
    await server?.dispose();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useTestNats: the server runs from beforeAll on');
    return value;
  };
  return {
    get server() {
      return ready(server);
    },
    get connection() {
      return ready(connection);
    },
  };
}
