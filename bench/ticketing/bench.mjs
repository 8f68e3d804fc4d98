// Ticketing benchmarks (issue #11): `npm run bench:ticketing`. The whole system started as
// `npm start` does (own database, private NATS).
//
// 1. Opening tickets at 16 connections (autocannon via bench/rest/load.mjs): tickets/s and p99. Every
//    opening draws its number from its kind's counter stream (gap-free numbers, docs/ticketing.md),
//    so openings of one kind serialise there by design; half the connections open incidents, half
//    service tickets.
// 2. The ticket list with 100,000 tickets (`q`, `status`, `priority`, `assigneeId` filters), read one
//    request at a time through the gateway: p99 goal < 30 ms. The tickets past those of step 1 are
//    appended straight to the event store (with their counters' numbers, so the log stays what the
//    service would have written) and the read models rebuilt with `omni replay ticketing`, as
//    bench/rest does for 100,000 products.
//
//   BENCH_SECONDS=10   length of the opening load
import { newId } from '@omni/contracts';
import { createEventStore } from '@omni/event-store';
import { startSystem } from '@omni/testing';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { fmt, measureReads, post } from '../http.mjs';
import { drive } from '../rest/load.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 16;
const TICKETS = 100_000;
const BATCH = 500;
const PRIORITIES = ['low', 'normal', 'high', 'critical'];
const STAFF = Array.from({ length: 20 }, () => newId()); // assignees of the seeded tickets
const system = await startSystem({ env: { LOG_LEVEL: 'warn' } });

try {
  const token = (await post(system.baseUrl, '/auth/login', { email: 'admin@omni.local', password: 'omni-admin' })).accessToken;
  const auth = { authorization: `Bearer ${token}` };

  const opening = await drive({
    url: system.baseUrl,
    connections: CONNECTIONS,
    seconds: SECONDS,
    headers: auth,
    method: 'POST',
    pathFor: () => '/api/v1/tickets',
    body: (c) => ({ kind: c % 2 ? 'service' : 'incident', title: `Bench ${c}`, description: 'load', priority: 'normal' }),
  });

  const seeded = await seedTickets(newId());
  const lists = [
    ['first page (limit 50)', 'limit=50'],
    ['q=pump (substring of title/description, trigram index)', 'q=pump&limit=50'],
    ['q=INC-4242 (substring of the number)', 'q=INC-4242'],
    ['status=assigned', 'status=assigned&limit=50'],
    ['priority=critical', 'priority=critical&limit=50'],
    ['assigneeId (one of 20 staff)', `assigneeId=${STAFF[3]}&limit=50`],
    ['status=open&priority=high&q=pump', 'status=open&priority=high&q=pump&limit=50'],
  ];
  const rows = [];
  for (const [name, query] of lists) rows.push([name, await measureReads(system.baseUrl, `/tickets?${query}`, auth)]);

  console.log(`\nnode ${process.version}; ${fmt(TICKETS)} tickets in all: ${fmt(opening.ok)} answered 201 to the load, ${fmt(seeded)} appended\n`);
  console.log('| benchmark | throughput | p50 | p99 | errors / non-2xx | goal |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  console.log(
    `| opening tickets, ${CONNECTIONS} connections (autocannon) | ${fmt(opening.requestsPerSecond)} tickets/s | ${opening.p50} ms | ${opening.p99} ms | ${opening.errors} / ${opening.non2xx} | measure |`,
  );
  for (const [name, r] of rows)
    console.log(`| list, 100k tickets: ${name} | ${fmt(r.rate)}/s (one client) | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.failures} | p99 < 30 ms |`);
} finally {
  await system.stop();
}

/**
 * Appends tickets up to TICKETS in all, each `opened` with the next number of its kind and its
 * counter's `number_drawn` in the same transaction; every 4th is then assigned. Rebuilds the read
 * models. Returns how many were appended.
 */
async function seedTickets(reporterId) {
  const pool = new pg.Pool({ connectionString: system.database.url, max: 2 });
  const store = createEventStore({ pool, schema: 'ticketing', service: 'ticketing' });
  const metadata = { correlationId: newId(), causationId: newId(), actorId: reporterId };
  const openedAt = new Date().toISOString();
  const slaDueAt = new Date(Date.now() + 30 * 24 * 3600_000).toISOString(); // no breach during the run
  let appended = 0;
  for (;;) {
    const last = await counters(pool);
    const toSeed = TICKETS - last.incident - last.service; // every ticket drew one number
    if (toSeed <= 0) break;
    const batch = ticketBatch(Math.min(BATCH, toSeed), appended, last, { reporterId, metadata, openedAt, slaDueAt });
    try {
      await store.transaction((tx) => store.append(tx, batch));
      appended += Math.min(BATCH, toSeed);
    } catch (error) {
      // Openings from the load may still be committing: read the counters again and retry.
      if (error.code !== 'version_conflict') throw error;
    }
  }
  await pool.end();
  await promisify(execFile)(process.execPath, ['packages/cli/bin/omni.js', 'replay', 'ticketing'], {
    env: { ...process.env, NATS_URL: system.nats.url, DATABASE_URL: system.database.url },
  });
  return appended;
}

/** The last number drawn per kind: its counter stream's version (one `number_drawn` per event). */
async function counters(pool) {
  const { rows } = await pool.query(
    `SELECT stream_id, max(stream_version)::int AS version FROM ticketing.events WHERE stream_id LIKE 'ticketcounter-%' GROUP BY 1`,
  );
  const last = { incident: 0, service: 0 };
  for (const row of rows) last[row.stream_id.slice('ticketcounter-'.length)] = row.version;
  return last;
}

/** `size` tickets numbered after `last` (seeded ones `from`, `from + 1`, ...), with their counters' events. */
function ticketBatch(size, from, last, { reporterId, metadata, openedAt, slaDueAt }) {
  const streams = [];
  const next = { ...last };
  const drawn = { incident: [], service: [] };
  for (let i = from; i < from + size; i++) {
    const ticketId = newId();
    const kind = i % 3 === 0 ? 'service' : 'incident';
    const number = ++next[kind];
    drawn[kind].push({ type: 'number_drawn', data: { kind, number, ticketId }, metadata });
    const audience = { ticketId, reporterId, assigneeUserId: null };
    const data = {
      ...audience,
      number: `${kind === 'service' ? 'SRV' : 'INC'}-${number}`,
      kind,
      title: `${i % 11 === 0 ? 'Pump' : 'Printer'} ${i} ${i % 2 ? 'jammed' : 'offline'}`,
      description: `Reported at site ${i % 97}`,
      priority: PRIORITIES[i % 4],
      incidentTypeId: null,
      facilityId: null,
      productId: null,
      openedAt,
      slaDueAt,
    };
    const events = [{ type: 'opened', data, metadata }];
    if (i % 4 === 0) events.push({ type: 'assigned', data: { ...audience, staffId: STAFF[i % 20], previousStaffId: null }, metadata });
    streams.push({ streamId: `ticket-${ticketId}`, expectedVersion: 0, events });
  }
  for (const kind of ['incident', 'service']) {
    if (drawn[kind].length > 0) streams.push({ streamId: `ticketcounter-${kind}`, expectedVersion: last[kind], events: drawn[kind] });
  }
  return streams;
}
