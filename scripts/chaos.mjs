#!/usr/bin/env node
// `npm run chaos` (docs/chaos.md): starts the whole system with 2 replicas of every service as
// `npm start` does (scripts/start.js, OMNI_REPLICAS) on a fresh database of the local PostgreSQL and a
// private nats-server (startSystem from @omni/testing: the machine's own NATS is never touched), drives
// a mixed workload through both gateways, SIGKILLs a random replica every few seconds (the launcher
// restarts it), restarts NATS once, then checks the invariants in scripts/chaos/invariants/ and prints
// them as a table. Exit code 1 when an invariant fails.
//   OMNI_CHAOS_SECONDS      how long the workload runs (default 60)
//   OMNI_CHAOS_KILL_EVERY_MS how often a replica is killed (default 4000)
//   OMNI_CHAOS_WORKERS      concurrent clients (default 4)
//   OMNI_CHAOS_READY_TIMEOUT_MS how long the 14 processes may take to get ready (default 600000: a
//                           loaded 2-core machine needs minutes)
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { waitUntilReady } from '@omni/testing';
import { withPrivateSystem } from './lib/private-system.mjs';
import pg from 'pg';
import { prepareWorkload, runWorkload } from './chaos/workload.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.env.OMNI_CHAOS_SECONDS ?? 60);
const killEveryMs = Number(process.env.OMNI_CHAOS_KILL_EVERY_MS ?? 4000);
const workers = Number(process.env.OMNI_CHAOS_WORKERS ?? 4);

const services = readdirSync(path.join(root, 'services')).filter((name) =>
  existsSync(path.join(root, 'services', name, 'dist', 'main.js')),
);
const replicas = services.map((s) => `${s}=2`).join(',');
const log = (message) => console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${message}`);

const faults = [];
/** Kills a random replica every `killEveryMs`, and restarts NATS once, half way. */
function startChaos(system, deadline) {
  const killer = setInterval(() => {
    const service = services[Math.floor(Math.random() * services.length)];
    const replica = Math.floor(Math.random() * 2);
    try {
      system.kill(service, replica);
      faults.push(`SIGKILL ${service}#${replica}`);
    } catch (error) {
      faults.push(`(no pid for ${service}#${replica}: ${error.message})`);
    }
  }, killEveryMs);
  const natsRestart = setTimeout(
    async () => {
      log('restarting NATS (down 2 s)');
      await system.nats.restart({ downMs: 2000 });
      faults.push('NATS restarted');
    },
    Math.max(0, (deadline - Date.now()) / 2),
  );
  return () => {
    clearInterval(killer);
    clearTimeout(natsRestart);
  };
}

/** The workload under faults, then the invariants; resolves with the exit code. */
async function chaosRun(system) {
  const gateways = [system.gatewayUrl(0), system.gatewayUrl(1)];
  log(`ready: gateways ${gateways.join(', ')}; database ${system.database.name}; NATS ${system.nats.url}`);
  const prepared = await prepareWorkload({ gateways });
  log(`set up a location and ${prepared.shared.products.length} products with stock`);
  const deadline = Date.now() + seconds * 1000;
  const stopChaos = startChaos(system, deadline);
  log(`workload for ${seconds} s with ${workers} clients; a replica killed every ${killEveryMs} ms`);
  const ledger = await runWorkload({ gateways, deadline, workers, prepared });
  stopChaos();
  log(`workload done; ${faults.filter((f) => f.startsWith('SIGKILL')).length} replicas killed`);
  // The last killed replicas come back before the checks, which ask the services themselves.
  await Promise.all(gateways.map((url) => waitUntilReady(url, 600_000)));
  log('every service ready again');

  const db = new pg.Pool({ connectionString: system.database.url, max: 2 });
  const results = [];
  try {
    await settle(db, ledger);
    const context = { db, ledger, services, system, gateways, log, root };
    for (const invariant of await loadInvariants()) {
      try {
        results.push({ name: invariant.name, ...(await invariant.check(context)) });
      } catch (error) {
        results.push({ name: invariant.name, status: 'fail', detail: `threw: ${error.message}` });
      }
    }
  } finally {
    await db.end();
  }
  printReport({ ledger, results });
  return results.some((r) => r.status === 'fail') ? 1 : 0;
}

log(`starting ${services.join(', ')} with 2 replicas each`);
const exitCode = await withPrivateSystem(
  {
    env: { OMNI_REPLICAS: replicas },
    readyTimeoutMs: Number(process.env.OMNI_CHAOS_READY_TIMEOUT_MS ?? 600_000),
  },
  chaosRun,
);
process.exit(exitCode);

/**
 * Waits (up to 60 s) until the saga has moved every acknowledged order out of `pending`: the
 * reservations and their answers that the kills delayed are redelivered and handled by then.
 */
async function settle(db, ledger) {
  const ids = ledger.orders.map((o) => o.id);
  for (let waited = 0; waited < 60_000; waited += 1000) {
    const { rows } = await db.query(
      `SELECT count(DISTINCT data->>'orderId')::int AS n FROM orders.events
        WHERE event_type = 'status_changed' AND data->>'orderId' = ANY($1)`,
      [ids],
    );
    if (rows[0].n === ids.length) return log('settled: every acknowledged order left pending');
    await new Promise((r) => setTimeout(r, 1000));
  }
  log('not settled after 60 s: some orders are still pending (the invariants will say which)');
}

/** Every module in scripts/chaos/invariants, in name order: `{ name, check(context) }`. */
async function loadInvariants() {
  const dir = path.join(root, 'scripts', 'chaos', 'invariants');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.mjs'))
    .sort();
  return Promise.all(files.map(async (f) => (await import(pathToFileURL(path.join(dir, f)).href)).default));
}

function printReport({ ledger, results }) {
  const counts = ledger.summary();
  console.log(
    '\nWorkload (acknowledged = the gateway answered 2xx, after retries with the same Idempotency-Key)',
  );
  console.table(counts);
  console.log(
    `Faults injected: ${faults.filter((f) => f.startsWith('SIGKILL')).length} replicas SIGKILLed, NATS restarted ${faults.filter((f) => f === 'NATS restarted').length}×`,
  );
  console.log('\nInvariants');
  console.table(results.map(({ name, status, detail }) => ({ invariant: name, result: status, detail })));
}
