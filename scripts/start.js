#!/usr/bin/env node
// `npm start`: runs the gateway and every service as separate processes, in the foreground.
// - OMNI_REPLICAS (`inventory=2,gateway=2`; default 1 each) runs that many processes of a service
//   against the same database and NATS; gateway replica i listens on PORT+i (docs/running.md);
// - prefixes each process's (pino JSON) log lines with its name (`inventory#1` for replica 1 when a
//   service runs more than one), readable on a terminal;
// - restarts a process that dies (with backoff), while the others, its own replicas too, keep running;
// - prints where the gateway listens once GET /health/ready answers 200 on every gateway replica;
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

/**
 * `inventory=2,orders=2` as a map from service to process count; a service not named runs once.
 * A name that is not a built service, or a count that is not a whole number ≥ 1, is an error.
 */
function parseReplicas(text, known) {
  const counts = new Map(known.map((name) => [name, 1]));
  for (const entry of (text ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const match = /^([a-z][a-z0-9-]*)=(\d+)$/.exec(entry);
    if (!match) throw new Error(`OMNI_REPLICAS: "${entry}" is not service=count (e.g. inventory=2)`);
    const [, name, count] = match;
    if (!counts.has(name))
      throw new Error(`OMNI_REPLICAS: unknown service "${name}" (known: ${known.join(', ')})`);
    if (Number(count) < 1) throw new Error(`OMNI_REPLICAS: ${name} needs at least 1 replica, got ${count}`);
    counts.set(name, Number(count));
  }
  return counts;
}

const services = discoverServices();
const backendServices = services.filter((n) => n !== 'gateway');
let replicas;
try {
  replicas = parseReplicas(process.env.OMNI_REPLICAS, services);
} catch (error) {
  process.stderr.write(`omni: ${error.message}\n`);
  process.exit(1);
}
/** Every process to run: `{ service, index, name }`, name `inventory` or `inventory#1` when replicated. */
const processes = services.flatMap((service) =>
  Array.from({ length: replicas.get(service) }, (_, index) => ({
    service,
    index,
    name: replicas.get(service) > 1 ? `${service}#${index}` : service,
  })),
);
const gatewayPorts = processes.filter((p) => p.service === 'gateway').map((p) => Number(port) + p.index);
const colors = [36, 33, 35, 32, 34, 31, 96, 93];
const width = Math.max(...processes.map((p) => p.name.length));
const useColor = process.stdout.isTTY;
const children = new Map();
let stopping = false;
/** The helper process that found or started PostgreSQL and NATS (scripts/servers.js). */
let serverKeeper;
/** `{ postgres: { url, description }, nats: { url, description } }` once found or started. */
let servers;

function label({ service, name }) {
  const text = name.padEnd(width);
  if (!useColor) return `[${text}]`;
  return `\x1b[${colors[services.indexOf(service) % colors.length]}m[${text}]\x1b[0m`;
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

function pipeLines(stream, proc, out) {
  readline
    .createInterface({ input: stream })
    .on('line', (line) => out.write(`${label(proc)} ${formatLine(line)}\n`));
}

/** Starts one replica; when it dies, starts that replica again (its siblings keep serving). */
function start(proc, attempt = 0) {
  const { service, index, name } = proc;
  const env = {
    ...process.env,
    DATABASE_URL: servers.postgres.url,
    NATS_URL: servers.nats.url,
    OMNI_SERVICE: service,
    OMNI_REPLICA: String(index),
    OMNI_SERVICES: process.env.OMNI_SERVICES ?? backendServices.join(','),
    ...(service === 'gateway' ? { PORT: String(Number(port) + index) } : {}),
  };
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--import',
      '@omni/service-kit/register',
      path.join('services', service, 'dist', 'main.js'),
    ],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const startedAt = Date.now();
  children.set(name, child);
  log(`started ${name} (pid ${child.pid})`);
  pipeLines(child.stdout, proc, process.stdout);
  pipeLines(child.stderr, proc, process.stderr);
  child.on('exit', (code, signal) => {
    if (children.get(name) === child) children.delete(name);
    if (stopping) return;
    const stable = Date.now() - startedAt > STABLE_AFTER_MS;
    const nextAttempt = stable ? 0 : attempt + 1;
    const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(nextAttempt, 6));
    log(`${name} exited (${signal ?? `code ${code}`}); restarting in ${delay} ms`);
    setTimeout(() => stopping || start(proc, nextAttempt), delay);
  });
}

/** Each gateway's readiness covers the backend services it needs (OMNI_SERVICES). */
async function waitForGateway(gatewayPort) {
  const url = `http://127.0.0.1:${gatewayPort}/health/ready`;
  for (;;) {
    if (stopping) return false;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function announceWhenReady() {
  const ready = await Promise.all(gatewayPorts.map(waitForGateway));
  if (!ready.every(Boolean)) return;
  const others = gatewayPorts.slice(1).map((p) => `:${p}`);
  log(
    `Omni is ready: gateway listening on http://localhost:${port}${others.length ? ` (replicas on ${others.join(', ')})` : ''} (API http://localhost:${port}/api/v1, docs http://localhost:${port}/api/docs)`,
  );
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
        process.stderr.write(
          `omni: the PostgreSQL/NATS helper exited (${signal ?? `code ${code}`}) before they were ready\n`,
        );
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
log(`starting ${processes.map((p) => p.name).join(', ')}`);
for (const proc of processes) start(proc);
void announceWhenReady();
