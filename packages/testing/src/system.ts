import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';
import { startTestNats, type TestNatsServer } from './nats.js';

export interface RunningSystem {
  /** e.g. `http://127.0.0.1:43121` */
  readonly baseUrl: string;
  readonly database: TestDatabase;
  readonly nats: TestNatsServer;
  /** Lines the launcher printed so far (prefixed by process name). */
  readonly output: readonly string[];
  /** Base URL of gateway replica `replica` (0, 1, …: it listens on the system's port + replica). */
  gatewayUrl(replica?: number): string;
  /** Current pid of a service process (replica 0 unless named), as the launcher announced it. */
  pidOf(service: string, replica?: number): number | undefined;
  /** SIGKILLs one service process, replica 0 unless named (the launcher is expected to restart it). */
  kill(service: string, replica?: number): void;
  stop(): Promise<void>;
}

export interface StartSystemOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly readyTimeoutMs?: number;
}

/**
 * How long a suite's `beforeAll` that starts a system may take: the readiness deadline plus the fresh
 * database and nats-server, with room to stop a system that never got ready. A hook that timed out
 * first would lose the launcher's output and leave the system running into later suites.
 */
// Ceilings, not expectations: a quiet machine is ready in ~5 s; a 2-core machine running other builds
// beside the suite (load average 50 was seen) needed more than 90 s. Passing never waits for them.
export const SYSTEM_START_TIMEOUT_MS = 240_000;
const DEFAULT_READY_TIMEOUT_MS = 180_000;
/** The launcher's own grace for its services is 10 s; past this, the whole process group is killed. */
const STOP_GRACE_MS = 15_000;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * Starts the whole system exactly as `npm start` does (scripts/start.js, built services) against a
 * fresh database and a private nats-server, and waits until the gateway reports ready.
 * Requires `npm run build` to have run (the root `npm test` does).
 */
export async function startSystem({
  env = {},
  readyTimeoutMs = DEFAULT_READY_TIMEOUT_MS,
}: StartSystemOptions = {}): Promise<RunningSystem> {
  const [database, nats, port] = await Promise.all([
    createTestDatabase('omni_e2e'),
    startTestNats(),
    freePort(),
  ]);
  const output: string[] = [];
  const pids = new Map<string, number>();
  const launcher: ChildProcess = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'start.js')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NATS_URL: nats.url,
      PORT: String(port),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      OTEL_SDK_DISABLED: process.env.OTEL_SDK_DISABLED ?? 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that the launcher and every service it started can be killed at once.
    detached: true,
  });
  const killGroup = () => killProcessGroup(launcher.pid);
  // Should this process end without stop() (a crash, Ctrl-C on jest), take the system with it.
  process.once('exit', killGroup);
  const collect = (stream: NodeJS.ReadableStream) =>
    readline.createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      // `started inventory (pid 1)` for a single process, `started inventory#1 (pid 2)` for a replica.
      const started = /started ([^\s#]+)(?:#(\d+))? \(pid (\d+)\)/.exec(line);
      if (started) pids.set(replicaKey(started[1]!, Number(started[2] ?? 0)), Number(started[3]));
    });
  collect(launcher.stdout!);
  collect(launcher.stderr!);
  const exited = new Promise<void>((resolve) => launcher.once('exit', () => resolve()));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (launcher.exitCode === null) launcher.kill('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), delay(STOP_GRACE_MS).then(() => false)]);
    // Whether or not the launcher stopped cleanly, nothing of this system may outlive the suite.
    killGroup();
    process.off('exit', killGroup);
    if (!stopped) await exited;
    await Promise.all([database.drop(), nats.dispose()]);
  };

  try {
    // Every gateway replica listens on its own port (port + replica) and must be ready.
    const gateways = gatewayReplicas(env.OMNI_REPLICAS ?? process.env.OMNI_REPLICAS);
    await Promise.all(
      Array.from({ length: gateways }, (_, replica) =>
        waitUntilReady(
          `http://127.0.0.1:${port + replica}`,
          readyTimeoutMs,
          () => launcher.exitCode !== null,
        ),
      ),
    );
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- launcher output ---\n${output.slice(-60).join('\n')}`, {
      cause: error,
    });
  }
  return {
    baseUrl,
    database,
    nats,
    output,
    gatewayUrl: (replica = 0) => `http://127.0.0.1:${port + replica}`,
    pidOf: (service, replica = 0) => pids.get(replicaKey(service, replica)),
    kill(service, replica = 0) {
      const pid = pids.get(replicaKey(service, replica));
      if (!pid) throw new Error(`no pid known for ${service} replica ${replica}`);
      process.kill(pid, 'SIGKILL');
    },
    stop,
  };
}

/** How many gateway processes `OMNI_REPLICAS` asks for (the launcher validates the rest). */
function gatewayReplicas(replicas: string | undefined): number {
  const match = /(?:^|,)\s*gateway=(\d+)/.exec(replicas ?? '');
  return match ? Math.max(1, Number(match[1])) : 1;
}

const replicaKey = (service: string, replica: number) => `${service}#${replica}`;

function killProcessGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group is already gone
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export async function waitUntilReady(
  baseUrl: string,
  timeoutMs: number,
  gaveUp: () => boolean = () => false,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gaveUp()) throw new Error('the system exited before it was ready');
    try {
      const response = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the system was not ready within ${timeoutMs} ms`);
}
