/**
 * Shift assignments under faults (issue #10): 8 clients schedule 200 assigned shifts for 20 staff
 * members, many of them overlapping on purpose, while the scheduling process is SIGKILLed 3 times.
 * Whatever the kills interrupt, no staff member ends up with overlapping shifts, every accepted
 * request is in the event log exactly once and no refused one is there at all.
 */
import { OmniClient, ok } from '@omni/client';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';
import pg from 'pg';
import { signInAsAdmin } from '../../gateway/test/helpers.js';

const REQUESTS = 200;
const CLIENTS = 8;
const STAFF = 20;
const SHIFT_HOURS = 4;
/** Kills go in after these many finished requests, so they land while requests are in flight. */
const KILL_AFTER = [50, 100, 150];
const HOUR = 3600_000;

let system: RunningSystem;
let admin: OmniClient;
let db: pg.Pool;

beforeAll(async () => {
  system = await startSystem();
  admin = await signInAsAdmin(system);
  db = new pg.Pool({ connectionString: system.database.url, max: 2 });
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await db?.end();
  await system?.stop();
});

interface Outcome {
  readonly index: number;
  readonly status: number;
  readonly shiftId?: string;
}

/**
 * Sends one request until it gets an answer that is not a fault: a killed service shows as a network
 * error or 503, and the retry carries the same Idempotency-Key, so a shift committed just before the
 * kill is not scheduled twice.
 */
async function scheduleUntilAnswered(index: number, body: Record<string, string>): Promise<Outcome> {
  return eventually(
    async () => {
      let answer;
      try {
        answer = await admin.http.POST('/scheduling/shifts', {
          body: body as never,
          params: { header: { 'Idempotency-Key': `assign-fault-${index}` } as never },
        });
      } catch (error) {
        throw new Error(`network error: ${String(error)}`, { cause: error });
      }
      if (answer.response.status === 503) throw new Error('503');
      return { index, status: answer.response.status, shiftId: answer.data?.id };
    },
    { timeoutMs: 120_000, intervalMs: 100 },
  );
}

/** Staff member and start of request `index`: ten requests per member over 40 hours, so many overlap. */
function slotOf(index: number, staffIds: readonly string[], firstHour: number) {
  const startsAt = firstHour + ((index * 37) % 40) * HOUR;
  return {
    staffId: staffIds[index % STAFF]!,
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + SHIFT_HOURS * HOUR).toISOString(),
  };
}

/** Pairs of non-cancelled shifts of the same staff member that overlap, from the read model. */
async function overlapsInReadModel() {
  const { rows } = await db.query(`
    SELECT a.id AS first, b.id AS second FROM scheduling.shifts a
    JOIN scheduling.shifts b ON a.staff_id = b.staff_id AND a.id < b.id
     AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
    WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'`);
  return rows;
}

/** Each shift as the event log tells it: its scheduled event (start, end, notes) and whom it went to. */
async function shiftsInLog() {
  const { rows } = await db.query<{
    stream_id: string;
    scheduled: number;
    notes: string | null;
    starts_at: string;
    ends_at: string;
    staff_ids: (string | null)[];
  }>(`
    SELECT stream_id,
           count(*) FILTER (WHERE event_type ~ '(^|\\.)scheduled$')::int AS scheduled,
           max(data->>'notes') AS notes,
           max(data->>'startsAt') AS starts_at,
           max(data->>'endsAt') AS ends_at,
           array_agg(data->>'staffId') FILTER (WHERE event_type ~ '(^|\\.)assigned$') AS staff_ids
    FROM scheduling.events WHERE stream_id LIKE 'shift-%' GROUP BY stream_id`);
  return rows;
}

it('keeps every staff member free of overlaps and the log exact while scheduling is SIGKILLed 3 times', async () => {
  const facility = ok(
    await admin.http.POST('/scheduling/facilities', { body: { code: `F-${Date.now()}`, name: 'Studio' } }),
  );
  const staffIds: string[] = [];
  for (let i = 0; i < STAFF; i++) {
    const member = ok(
      await admin.http.POST('/scheduling/staff', {
        body: { name: `Staff ${i}`, email: `staff-${i}@omni.test` },
      }),
    );
    staffIds.push(member.id);
  }
  // Two weeks ahead: no timer of these shifts fires during the test.
  const firstHour = Math.ceil((Date.now() + 14 * 24 * HOUR) / HOUR) * HOUR;

  let next = 0;
  let finished = 0;
  const outcomes: Outcome[] = [];
  const firstPid = system.pidOf('scheduling');
  const client = async () => {
    while (next < REQUESTS) {
      const index = next++;
      const body = {
        facilityId: facility.id,
        notes: `request-${index}`,
        ...slotOf(index, staffIds, firstHour),
      };
      outcomes.push(await scheduleUntilAnswered(index, body));
      finished++;
      if (KILL_AFTER.includes(finished)) system.kill('scheduling');
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  expect(system.pidOf('scheduling')).not.toBe(firstPid); // the kills happened and scheduling came back
  expect(system.output.filter((line) => line.includes('scheduling exited (SIGKILL)'))).toHaveLength(3);

  const accepted = outcomes.filter((o) => o.status === 201);
  const refused = outcomes.filter((o) => o.status === 422);
  expect(accepted.length + refused.length).toBe(REQUESTS); // nothing but 201 and 422 in the end
  expect(accepted.length).toBeGreaterThan(STAFF); // the slots leave room for more than one each
  expect(refused.length).toBeGreaterThan(0); // and they overlap, so some must be refused

  // The event log: each accepted request once, under the id it answered; no refused one.
  const logged = await shiftsInLog();
  const byNotes = new Map(logged.map((s) => [s.notes, s]));
  expect(logged.every((s) => s.scheduled === 1)).toBe(true);
  expect(logged).toHaveLength(accepted.length);
  for (const { index, shiftId } of accepted) {
    expect(byNotes.get(`request-${index}`)?.stream_id).toBe(`shift-${shiftId}`);
  }
  for (const { index } of refused) expect(byNotes.has(`request-${index}`)).toBe(false);

  // No overlap per staff member, neither in the log nor in the read model.
  for (const staffId of staffIds) {
    const own = logged
      .filter((s) => s.staff_ids?.at(-1) === staffId)
      .map((s) => [Date.parse(s.starts_at), Date.parse(s.ends_at)] as const)
      .sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < own.length; i++) expect(own[i]![0]).toBeGreaterThanOrEqual(own[i - 1]![1]);
  }
  await eventually(async () => {
    const { rows } = await db.query('SELECT count(*)::int AS n FROM scheduling.shifts');
    expect(rows[0].n).toBe(accepted.length);
  });
  expect(await overlapsInReadModel()).toEqual([]);
});
