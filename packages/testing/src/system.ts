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
  /** Current pid of a service process, as the launcher announced it. */
  pidOf(service: string): number | undefined;
  /** SIGKILLs one service process (the launcher is expected to restart it). */
  kill(service: string): void;
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
export const SYSTEM_START_TIMEOUT_MS = 150_000;
const DEFAULT_READY_TIMEOUT_MS = 90_000;
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
      const started = /started (\S+) \(pid (\d+)\)/.exec(line);
      if (started) pids.set(started[1]!, Number(started[2]));
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
    await waitUntilReady(baseUrl, readyTimeoutMs, () => launcher.exitCode !== null);
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
    pidOf: (service) => pids.get(service),
    kill(service) {
      const pid = pids.get(service);
      if (!pid) throw new Error(`no pid known for ${service}`);
      process.kill(pid, 'SIGKILL');
    },
    stop,
  };
}

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
