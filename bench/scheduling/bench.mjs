// Scheduling benchmarks (issue #10): `npm run bench:scheduling`. The whole system started as
// `npm start` does (own database, private NATS).
//
// 1. The weekly schedule of a facility with 200 staff members and 5,000 shifts in the week, read
//    through the gateway one request at a time (the first page, a page in the middle of the week, one
//    staff member's week): p99 goal < 30 ms. Seeded through the API, so every shift went through the
//    overlap rules and the read model is the one the service built.
// 2. Assignment throughput at 16 connections (autocannon via bench/rest/load.mjs): each connection
//    assigns and unassigns its own shift in turn, so every request is a decision on a shift and a
//    staff member's schedule stream. The raw baseline of the same run: single-row INSERT
//    transactions at 16 writers on the same PostgreSQL.
//
//   BENCH_SECONDS=10   length of the assignment load and of the raw baseline
import { startSystem } from '@omni/testing';
import pg from 'pg';
import { fmt, get as getFrom, inParallel as inParallelOf, measureReads as measureReadsOf, post as postTo } from '../http.mjs';
import { drive } from '../rest/load.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const STAFF = 200;
const SHIFTS_PER_STAFF = 25; // 200 × 25 = 5,000 shifts in the week
const CONNECTIONS = 16;
const READS = 200;
const HOUR = 3600_000;
const system = await startSystem({ env: { LOG_LEVEL: 'warn' } });
const post = (path, body, headers) => postTo(system.baseUrl, path, body, headers);
const get = (path, headers) => getFrom(system.baseUrl, path, headers);
const measureReads = (path, headers) => measureReadsOf(system.baseUrl, path, headers, READS);
const inParallel = (count, task) => inParallelOf(count, CONNECTIONS, task);


try {
  const token = (await post('/auth/login', { email: 'admin@omni.local', password: 'omni-admin' })).accessToken;
  const auth = { authorization: `Bearer ${token}` };
  const facility = await post('/scheduling/facilities', { code: `BENCH-${Date.now()}`, name: 'Bench' }, auth);
  // A Monday four weeks ahead (UTC, the facility's default zone): no timer fires during the run.
  const monday = new Date(Date.now() + 28 * 24 * HOUR);
  monday.setUTCHours(0, 0, 0, 0);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const weekStart = monday.getTime();

  const seedStarted = performance.now();
  const staff = await inParallel(STAFF + CONNECTIONS, (i) =>
    post('/scheduling/staff', { name: `Staff ${i}`, email: `bench-${i}@omni.test` }, auth),
  );
  // Each member: 25 three-hour shifts, four a day at 06, 10, 14, 18 h (no overlap, so all accepted).
  await inParallel(STAFF * SHIFTS_PER_STAFF, (i) => {
    const member = staff[i % STAFF];
    const k = Math.floor(i / STAFF);
    const startsAt = weekStart + (k % 7) * 24 * HOUR + (6 + Math.floor(k / 7) * 4) * HOUR;
    return post('/scheduling/shifts', { facilityId: facility.id, staffId: member.id, ...span(startsAt, 3) }, auth);
  });
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  const week = `facilityId=${facility.id}&from=${new Date(weekStart).toISOString()}&to=${new Date(weekStart + 7 * 24 * HOUR).toISOString()}`;
  const firstPage = await get(`/scheduling/shifts?${week}&limit=200`, auth);
  let middle = firstPage;
  for (let page = 0; page < 12; page++) middle = await get(`/scheduling/shifts?${week}&limit=200&cursor=${middle.nextCursor}`, auth);
  const reads = [
    ['weekly schedule, first page (limit 200)', `/scheduling/shifts?${week}&limit=200`],
    ['weekly schedule, page 13 of 25 (cursor)', `/scheduling/shifts?${week}&limit=200&cursor=${middle.nextCursor}`],
    ["one staff member's week (staffId)", `/scheduling/shifts?${week}&staffId=${staff[7].id}&limit=200`],
  ];
  const readRows = [];
  for (const [name, path] of reads) readRows.push([name, await measureReads(path, auth)]);

  // Assignment load: one open shift and one staff member of their own per connection.
  const pairs = await inParallel(CONNECTIONS, async (c) => {
    const shift = await post('/scheduling/shifts', { facilityId: facility.id, ...span(weekStart + c * HOUR, 1) }, auth);
    return { shiftId: shift.id, staffId: staff[STAFF + c].id };
  });
  const assignments = await drive({
    url: system.baseUrl,
    connections: CONNECTIONS,
    seconds: SECONDS,
    headers: auth,
    sequenceFor: (c) => [
      { method: 'POST', path: `/api/v1/scheduling/shifts/${pairs[c].shiftId}/assign`, body: { staffId: pairs[c].staffId } },
      { method: 'POST', path: `/api/v1/scheduling/shifts/${pairs[c].shiftId}/unassign` },
    ],
  });
  const raw = await rawInsertTransactions(CONNECTIONS, SECONDS);

  console.log(`\nnode ${process.version}; ${fmt(STAFF * SHIFTS_PER_STAFF)} shifts of ${STAFF} staff seeded through the API in ${seedSeconds.toFixed(0)} s\n`);
  console.log('| benchmark | throughput | p50 | p99 | errors / non-2xx | goal |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [name, r] of readRows)
    console.log(`| ${name} | ${fmt(r.rate)}/s (one client) | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.failures} | p99 < 30 ms |`);
  const share = Math.round((100 * assignments.requestsPerSecond) / raw);
  console.log(
    `| assign/unassign, ${CONNECTIONS} connections | ${fmt(assignments.requestsPerSecond)}/s = ${share}% of raw single-row INSERT transactions, ${CONNECTIONS} writers (${fmt(raw)}/s) | ${assignments.p50} ms | ${assignments.p99} ms | ${assignments.errors} / ${assignments.non2xx} | |`,
  );
} finally {
  await system.stop();
}

function span(startsAt, hours) {
  return { startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + hours * HOUR).toISOString() };
}

/** The raw baseline: single-row INSERT transactions per second, `writers` at once, for `seconds`. */
async function rawInsertTransactions(writers, seconds) {
  const pool = new pg.Pool({ connectionString: system.database.url, max: writers });
  try {
    await pool.query('CREATE TABLE bench_raw_inserts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, data jsonb NOT NULL)');
    const payload = JSON.stringify({ shiftId: crypto.randomUUID(), staffId: crypto.randomUUID() });
    const until = performance.now() + seconds * 1000;
    let count = 0;
    await Promise.all(
      Array.from({ length: writers }, async () => {
        const client = await pool.connect();
        try {
          while (performance.now() < until) {
            await client.query('BEGIN');
            await client.query('INSERT INTO bench_raw_inserts (data) VALUES ($1)', [payload]);
            await client.query('COMMIT');
            count++;
          }
        } finally {
          client.release();
        }
      }),
    );
    return count / seconds;
  } finally {
    await pool.end();
  }
}
