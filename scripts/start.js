#!/usr/bin/env node
// `npm start`: runs the gateway and every service as separate processes, in the foreground.
// - prefixes each process's (pino JSON) log lines with its name, readable on a terminal;
// - restarts a process that dies (with backoff), while the others keep running;
// - prints where the gateway listens once GET /health/ready answers 200;
// - stops everything cleanly on Ctrl-C / SIGTERM.
// Before that it finds PostgreSQL and NATS (docs/running.md): the ones DATABASE_URL / NATS_URL name,
// else ones already running on the default addresses, else embedded ones it starts itself with their
// data in .omni/ (OMNI_DATA_DIR), and stops after the services (see scripts/servers.js).
// Expects a build (`npm start` runs `npm run build` first). Configuration comes from the environment
// (DATABASE_URL, NATS_URL, PORT, ...); each process validates it at start.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '8080';
const dataDir = path.resolve(process.env.OMNI_DATA_DIR ?? path.join(root, '.omni'));
const STOP_GRACE_MS = 10_000;
const MAX_BACKOFF_MS = 10_000;
const STABLE_AFTER_MS = 30_000;

/** Every service with a build: gateway last in the list, it is the front door. */
function discoverServices() {
  const dir = path.join(root, 'services');
  const names = readdirSync(dir).filter((name) => existsSync(path.join(dir, name, 'dist', 'main.js')));
  if (!names.includes('gateway')) throw new Error('services/gateway is not built: run `npm run build` first');
  return [...names.filter((n) => n !== 'gateway').sort(), 'gateway'];
}

const services = discoverServices();
const backendServices = services.filter((n) => n !== 'gateway');
const colors = [36, 33, 35, 32, 34, 31, 96, 93];
const width = Math.max(...services.map((s) => s.length));
const useColor = process.stdout.isTTY;
const children = new Map();
let stopping = false;
/** The helper process that found or started PostgreSQL and NATS (scripts/servers.js). */
let serverKeeper;
/** `{ postgres: { url, description }, nats: { url, description } }` once found or started. */
let servers;

function label(name) {
  const text = name.padEnd(width);
  if (!useColor) return `[${text}]`;
  return `\x1b[${colors[services.indexOf(name) % colors.length]}m[${text}]\x1b[0m`;
}

const LEVELS = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** A pino JSON line as `12:00:01 info  message key=value`; anything else as it is. */
function formatLine(line) {
  if (!line.startsWith('{')) return line;
  try {
    const { time, level, msg, pid: _pid, hostname: _host, service: _service, ...rest } = JSON.parse(line);
    const at = new Date(time ?? Date.now()).toISOString().slice(11, 23);
    const extras = Object.entries(rest)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`)
      .join(' ');
    return `${at} ${(LEVELS[level] ?? level).padEnd(5)} ${msg ?? ''}${extras ? ` ${extras}` : ''}`;
  } catch {
    return line;
  }
}

function log(message) {
  process.stdout.write(`${useColor ? '\x1b[1m' : ''}[omni]${useColor ? '\x1b[0m' : ''} ${message}\n`);
}

function pipeLines(stream, name, out) {
  readline
    .createInterface({ input: stream })
    .on('line', (line) => out.write(`${label(name)} ${formatLine(line)}\n`));
}

function start(name, attempt = 0) {
  const env = {
    ...process.env,
    DATABASE_URL: servers.postgres.url,
    NATS_URL: servers.nats.url,
    OMNI_SERVICE: name,
    OMNI_SERVICES: process.env.OMNI_SERVICES ?? backendServices.join(','),
    ...(name === 'gateway' ? { PORT: port } : {}),
  };
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--import',
      '@omni/service-kit/register',
      path.join('services', name, 'dist', 'main.js'),
    ],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const startedAt = Date.now();
  children.set(name, child);
  log(`started ${name} (pid ${child.pid})`);
  pipeLines(child.stdout, name, process.stdout);
  pipeLines(child.stderr, name, process.stderr);
  child.on('exit', (code, signal) => {
    if (children.get(name) === child) children.delete(name);
    if (stopping) return;
    const stable = Date.now() - startedAt > STABLE_AFTER_MS;
    const nextAttempt = stable ? 0 : attempt + 1;
    const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(nextAttempt, 6));
    log(`${name} exited (${signal ?? `code ${code}`}); restarting in ${delay} ms`);
    setTimeout(() => stopping || start(name, nextAttempt), delay);
  });
}

async function announceWhenReady() {
  const url = `http://127.0.0.1:${port}/health/ready`;
  for (;;) {
    if (stopping) return;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) {
        log(
          `Omni is ready: gateway listening on http://localhost:${port} (API http://localhost:${port}/api/v1, docs http://localhost:${port}/api/docs)`,
        );
        return;
      }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stopAll(signal) {
  if (!servers) {
    log(`${signal}: stopping before the services started`);
    await stopServers();
    process.exit(130);
  }
  if (stopping) {
    log('second signal: killing everything now');
    for (const child of children.values()) child.kill('SIGKILL');
    await stopServers({ immediate: true });
    process.exit(1);
  }
  stopping = true;
  log(`${signal}: stopping ${[...children.keys()].join(', ')}`);
  const exits = [...children.values()].map((child) => new Promise((r) => child.once('exit', r)));
  for (const child of children.values()) child.kill('SIGTERM');
  const timer = setTimeout(() => {
    log('some processes did not stop in time: killing them');
    for (const child of children.values()) child.kill('SIGKILL');
  }, STOP_GRACE_MS);
  await Promise.all(exits);
  clearTimeout(timer);
  // The servers go last so the services can finish their work against them.
  await stopServers();
  log('stopped');
  process.exit(0);
}

process.on('SIGINT', () => void stopAll('SIGINT'));
process.on('SIGTERM', () => void stopAll('SIGTERM'));

/** Configured, already running, or embedded; a server we cannot have is one line and exit code 1. */
function findServers() {
  serverKeeper = spawn(process.execPath, [path.join(root, 'scripts', 'servers.js'), dataDir], {
    cwd: process.cwd(),
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve) => {
    serverKeeper.on('message', (message) => {
      if (message.type === 'waiting') log(message.message);
      if (message.type === 'ready') resolve(message);
      if (message.type === 'failed') {
        process.stderr.write(`omni: ${message.message}\n`);
        process.exit(1);
      }
    });
    serverKeeper.once('exit', (code, signal) => {
      if (stopping) return;
      if (!servers) {
        process.stderr.write(`omni: the PostgreSQL/NATS helper exited (${signal ?? `code ${code}`}) before they were ready\n`);
        process.exit(1);
      }
      log(`the PostgreSQL/NATS helper exited (${signal ?? `code ${code}`}): the services lose their servers`);
    });
  });
}

async function stopServers({ immediate = false } = {}) {
  if (!serverKeeper || serverKeeper.exitCode !== null || serverKeeper.signalCode !== null) return;
  const exited = new Promise((resolve) => serverKeeper.once('exit', resolve));
  serverKeeper.send({ type: 'stop', immediate });
  await exited;
}

servers = await findServers();
log(servers.postgres.description);
log(servers.nats.description);
log(`starting ${services.join(', ')}`);
for (const name of services) start(name);
void announceWhenReady();
