import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort, isPortOpen } from '../ports.js';
import { isRunning, stopProcess } from './processes.js';
import { OutputTail } from './output-tail.js';

export interface EmbeddedNats {
  readonly url: string;
  readonly dataDir: string;
  readonly pid: number | undefined;
  stop(options?: { immediate?: boolean }): Promise<void>;
}

export const NATS_INSTALL_HINT =
  'install nats-server (Debian/Ubuntu: `apt install nats-server`; macOS: `brew install nats-server`; ' +
  'or run one with Docker: `docker run -p 4222:4222 nats -js`), or set NATS_URL';

// Debian installs nats-server in /usr/sbin, which a normal user's PATH often lacks.
const WELL_KNOWN_DIRS = ['/usr/sbin', '/usr/local/sbin', '/usr/local/bin', '/opt/homebrew/bin'];
const STALE_SERVER_STOP_MS = 10_000;
const START_TIMEOUT_MS = 30_000;

/** `NATS_SERVER_BIN`, else `nats-server` on PATH, else in a well-known directory; undefined if none. */
export function findNatsServer(env: NodeJS.ProcessEnv = process.env, wellKnownDirs = WELL_KNOWN_DIRS) {
  const name = process.platform === 'win32' ? 'nats-server.exe' : 'nats-server';
  const onPath = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), ...wellKnownDirs];
  const candidates = [env.NATS_SERVER_BIN, ...onPath.map((dir) => path.join(dir, name))];
  return candidates.find((file): file is string => !!file && isExecutable(file));
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `nats-server -js` on a free port of 127.0.0.1, storing JetStream in `dataDir` (kept across
 * restarts). It runs in its own process group so a terminal's Ctrl-C reaches only the launcher,
 * which stops the services first and the server after them.
 */
export async function startEmbeddedNats({ dataDir }: { dataDir: string }): Promise<EmbeddedNats> {
  const binary = findNatsServer();
  if (!binary) throw new Error(`no nats-server found: ${NATS_INSTALL_HINT}`);
  await mkdir(dataDir, { recursive: true });
  const pidFile = path.join(dataDir, 'nats-server.pid');
  await stopStaleServer(pidFile, dataDir);
  const port = await freePort();
  const tail = new OutputTail();
  const child = spawn(binary, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dataDir, '-P', pidFile], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  child.stderr.on('data', (chunk: Buffer) => tail.add(chunk.toString('utf8')));
  child.on('error', (error) => tail.add(error.message)); // e.g. not executable after all: reported below
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Last resort if the launcher dies without stopping us: 'exit' handlers may only do synchronous work.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const started = await waitUntilListening(
    port,
    () => child.pid === undefined || child.exitCode !== null || child.signalCode !== null,
  );
  if (!started) {
    child.kill('SIGKILL');
    throw new Error(`nats-server (${binary}) did not start in ${dataDir}${tail.summary()}`);
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    dataDir,
    pid: child.pid,
    async stop({ immediate = false } = {}) {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) child.kill(immediate ? 'SIGKILL' : 'SIGTERM');
      await exited;
    },
  };
}

async function waitUntilListening(port: number, exited: () => boolean): Promise<boolean> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && !exited()) {
    if (await isPortOpen('127.0.0.1', port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/** A nats-server left running by a launcher that was killed outright still holds the store. */
async function stopStaleServer(pidFile: string, dataDir: string): Promise<void> {
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
  if (!pid || !isRunning(pid, dataDir)) return;
  await stopProcess(pid, dataDir, 'SIGTERM', STALE_SERVER_STOP_MS);
}
