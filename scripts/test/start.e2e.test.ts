// `npm start` on a machine with no configured servers (OMNI_EMBEDDED=1 makes it so here) and with
// configured servers that do not answer. Real processes throughout: the launcher, embedded
// PostgreSQL and nats-server, every service.
import { OmniClient, ok } from '@omni/client';
import { eventually, freePort, startTestNats, type TestNatsServer } from '@omni/testing';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const READY_LINE = /Omni is ready: gateway listening on/;

interface Launcher {
  /** Every line printed so far, stdout and stderr. */
  readonly output: string[];
  readonly stderr: string[];
  /** Resolves with the exit code once the launcher has exited. */
  readonly exited: Promise<number | null>;
  signal(signal: NodeJS.Signals): void;
  /** Resolves at the first line (printed so far or later) that matches `pattern`. */
  lineMatching(pattern: RegExp): Promise<string>;
}

/** Every launcher started: one a timed-out test left running is killed after the file. */
const launched = new Set<ChildProcess>();
afterAll(() => {
  for (const child of launched) child.kill('SIGKILL');
});

function launch(env: Record<string, string>): Launcher {
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'start.js')], {
    cwd: repoRoot,
    env: { ...withoutServerVariables(process.env), LOG_LEVEL: 'warn', OTEL_SDK_DISABLED: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launched.add(child);
  child.once('exit', () => launched.delete(child));
  const output: string[] = [];
  const stderr: string[] = [];
  const lines = new EventEmitter();
  const record = (line: string) => {
    output.push(line);
    lines.emit('line', line);
  };
  readline.createInterface({ input: child.stdout! }).on('line', record);
  readline.createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr.push(line);
    record(line);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lineMatching = (pattern: RegExp) =>
    new Promise<string>((resolve) => {
      const seen = output.find((line) => pattern.test(line));
      if (seen) return resolve(seen);
      const listener = (line: string) => {
        if (!pattern.test(line)) return;
        lines.off('line', listener);
        resolve(line);
      };
      lines.on('line', listener);
    });
  return { output, stderr, exited, lineMatching, signal: (signal) => child.kill(signal) };
}

/** The launcher must decide for itself: no server variables inherited from whoever runs the tests. */
function withoutServerVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _db, NATS_URL: _nats, OMNI_EMBEDDED: _embedded, PORT: _port, ...rest } = env;
  return rest;
}

/** Waits for the launcher's ready line; fails with its output if it exits first. */
async function ready(launcher: Launcher): Promise<void> {
  const sawReady = launcher.lineMatching(READY_LINE);
  const exitedFirst = launcher.exited.then((code) => {
    throw new Error(`the launcher exited (code ${code}) before it was ready:\n${launcher.output.join('\n')}`);
  });
  await Promise.race([sawReady, exitedFirst]);
}

/** Command lines of every process that names `dataDir` (servers, and the helper that keeps them). */
function processesOf(dataDir: string): string[] {
  return execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' })
    .split('\n')
    .filter((args) => args.includes(dataDir));
}

describe('npm start with OMNI_EMBEDDED=1', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'omni-start-'));
    // Run as root, the embedded PostgreSQL runs as the `postgres` user, which must reach its directory.
    await chmod(dataDir, 0o755);
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs its own PostgreSQL and NATS, keeps the data across a restart and leaves no server running', async () => {
    const port = await freePort();
    const env = { OMNI_EMBEDDED: '1', OMNI_DATA_DIR: dataDir, PORT: String(port) };
    const baseUrl = `http://127.0.0.1:${port}`;
    const code = `LOC-${Date.now().toString(36)}`;

    const first = launch(env);
    await ready(first);
    expect(first.output[0]).toMatch(
      /^\[omni\] PostgreSQL: postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/omni \(embedded, data in .*postgres\)$/,
    );
    expect(first.output[1]).toMatch(
      /^\[omni\] NATS: nats:\/\/127\.0\.0\.1:\d+ \(embedded, data in .*nats\)$/,
    );
    const admin = new OmniClient({ baseUrl });
    await admin.login('admin@omni.local', 'omni-admin');
    ok(await admin.http.POST('/inventory/locations', { body: { code, name: 'Kept across restarts' } }));
    first.signal('SIGINT');
    expect(await first.exited).toBe(0);
    expect(processesOf(dataDir)).toEqual([]);

    const second = launch(env);
    await ready(second);
    const again = new OmniClient({ baseUrl });
    await again.login('admin@omni.local', 'omni-admin');
    const locations = ok(await again.http.GET('/inventory/locations', {}));
    expect(locations.items.map((location) => location.code)).toContain(code);
    second.signal('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(processesOf(dataDir)).toEqual([]);
    // Two whole-system starts (the first one also initialises the cluster) on a shared machine.
  }, 180_000);
});

describe('npm start with a configured server that does not answer', () => {
  let nats: TestNatsServer;
  let dataDir: string;

  beforeAll(async () => {
    nats = await startTestNats();
    dataDir = await mkdtemp(path.join(tmpdir(), 'omni-start-'));
  });

  afterAll(async () => {
    await nats?.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  // A short bound keeps the test quick; the default (30 s) is for people starting servers by hand.
  const unreachable = [
    ['DATABASE_URL', 'postgres://postgres@127.0.0.1:1/omni', 'PostgreSQL'],
    ['NATS_URL', 'nats://127.0.0.1:1', 'NATS'],
  ] as const;

  it.each(unreachable)(
    '%s: one line naming the server, exit code 1, no stack trace',
    async (variable, url, kind) => {
      const working = { DATABASE_URL: process.env.OMNI_TEST_POSTGRES_URL!, NATS_URL: nats.url };
      const launcher = launch({
        ...working,
        [variable]: url,
        OMNI_CONNECT_TIMEOUT_MS: '1500',
        OMNI_DATA_DIR: dataDir,
        PORT: String(await freePort()),
      });
      expect(await launcher.exited).toBe(1);
      expect(launcher.stderr).toEqual([
        `omni: cannot reach ${kind} at ${url} (${variable}): connection refused; gave up after 1.5 s`,
      ]);
      expect(launcher.output.join('\n')).not.toMatch(/\n\s+at /);
    },
  );
});

describe('when the launcher is killed outright', () => {
  let dataDir: string;
  let standIn: ChildProcess | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'omni-start-'));
    await chmod(dataDir, 0o755);
  });
  afterAll(async () => {
    // Even after a timeout, the stand-in (and its pipe) must not outlive the test and keep Jest alive;
    // without it the helper stops its servers by itself (its IPC channel closes).
    standIn?.kill('SIGKILL');
    await eventually(() => expect(processesOf(dataDir)).toEqual([]), { timeoutMs: 30_000 }).catch(
      () => undefined,
    );
    await rm(dataDir, { recursive: true, force: true });
  });

  it('the helper that keeps the embedded servers stops them, so none is orphaned', async () => {
    // Stands in for scripts/start.js: starts the helper exactly as it does, then waits to be killed.
    // It prints each message type the helper sends, and `exited <code>` if the helper dies first, so
    // a helper that fails makes this test fail at once, with the helper's stderr in the output.
    const launcherStandIn = `
      import { spawn } from 'node:child_process';
      const keeper = spawn(process.execPath, [${JSON.stringify(path.join(repoRoot, 'scripts', 'servers.js'))}, ${JSON.stringify(dataDir)}],
        { detached: true, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      keeper.on('message', (message) => console.log(message.type, message.message ?? ''));
      keeper.on('exit', (code, signal) => console.log('exited', code ?? signal));`;
    standIn = spawn(process.execPath, ['--input-type=module', '-e', launcherStandIn], {
      cwd: repoRoot,
      env: { ...withoutServerVariables(process.env), OMNI_EMBEDDED: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = readline.createInterface({ input: standIn.stdout! });
    const firstLine = new Promise<string>((resolve) => {
      lines.once('line', resolve);
      lines.once('close', () => resolve('(the stand-in exited without a line)'));
    });
    expect((await firstLine).trim()).toBe('ready');
    expect(processesOf(dataDir).some((args) => args.includes('postgres -D'))).toBe(true);
    expect(processesOf(dataDir).some((args) => args.includes('nats-server'))).toBe(true);

    standIn.kill('SIGKILL');
    await eventually(() => expect(processesOf(dataDir)).toEqual([]), { timeoutMs: 30_000 });
  }, 120_000); // initdb of a new cluster on a shared machine
});
