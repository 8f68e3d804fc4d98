/**
 * Shift timers with two replicas (issue #10): 50 shifts fall due during the run while two scheduling
 * processes run (`OMNI_REPLICAS=scheduling=2`) and each is SIGKILLed around the due times. Each
 * shift's `starting_soon` and `missed` reach the log and the SCHEDULING stream exactly once.
 */
import { OmniClient, OmniRealtime, ok, type EventFrame } from '@omni/client';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';
import pg from 'pg';
import { signInAsAdmin } from '../../gateway/test/helpers.js';

const SHIFTS = 50;
// Seconds instead of minutes: the reminder 15 s before the start, missed 6 s after it.
const TIMER_ENV = { SHIFT_REMINDER_MINUTES: '0.25', CLOCK_IN_GRACE_MINUTES: '0.1' };

let system: RunningSystem;
let admin: OmniClient;
let db: pg.Pool;

beforeAll(async () => {
  system = await startSystem({ env: { ...TIMER_ENV, OMNI_REPLICAS: 'scheduling=2' } });
  admin = await signInAsAdmin(system);
  db = new pg.Pool({ connectionString: system.database.url, max: 2 });
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await db?.end();
  await system?.stop();
});

/** How many events of a type each shift stream holds in the log. */
async function timerEventsInLog(type: string) {
  const { rows } = await db.query<{ stream_id: string; n: number }>(
    `SELECT stream_id, count(*)::int AS n FROM scheduling.events
     WHERE event_type ~ ('(^|\\.)' || $1 || '$') GROUP BY stream_id`,
    [type],
  );
  return rows;
}

it('publishes each starting_soon and missed once with 2 replicas while one is killed around the due times', async () => {
  const firstPids = [system.pidOf('scheduling', 0), system.pidOf('scheduling', 1)];
  const facility = ok(
    await admin.http.POST('/scheduling/facilities', { body: { code: `R-${Date.now()}`, name: 'Studio' } }),
  );
  const staffIds: string[] = [];
  for (let i = 0; i < SHIFTS; i++) {
    const member = ok(
      await admin.http.POST('/scheduling/staff', { body: { name: `Staff ${i}`, email: `r${i}@omni.test` } }),
    );
    staffIds.push(member.id);
  }
  // Starts 25 to 40 s ahead: reminders due from 10 s on, clock-in deadlines from 31 s on.
  const firstStart = Date.now() + 25_000;
  const shiftIds = new Set<string>();
  for (const [i, staffId] of staffIds.entries()) {
    const startsAt = firstStart + i * 300;
    const shift = ok(
      await admin.http.POST('/scheduling/shifts', {
        body: {
          facilityId: facility.id,
          staffId,
          startsAt: new Date(startsAt).toISOString(),
          endsAt: new Date(startsAt + 3600_000).toISOString(),
        },
      }),
    );
    shiftIds.add(shift.id);
  }

  const frames: EventFrame[] = [];
  const socket = new OmniRealtime({ baseUrl: system.baseUrl, accessToken: () => admin.accessToken! });
  try {
    await socket.subscribe('scheduling.shift.*.>', (f) => frames.push(f), { since: 0 });
    const fired = (type: string) => frames.filter((f) => f.subject.endsWith(`.${type}`));
    const timeout = { timeoutMs: 120_000 };

    // Kills follow the timers' progress, not a clock: at the first reminder, halfway, at the first
    // miss, alternating replicas, so each one dies while it may be the one firing.
    await eventually(() => expect(fired('starting_soon').length).toBeGreaterThan(0), timeout);
    system.kill('scheduling', 0);
    await eventually(() => expect(fired('starting_soon').length).toBeGreaterThanOrEqual(SHIFTS / 2), timeout);
    system.kill('scheduling', 1);
    await eventually(() => expect(fired('missed').length).toBeGreaterThan(0), timeout);
    system.kill('scheduling', 0);
    await eventually(() => expect(fired('missed').length).toBeGreaterThanOrEqual(SHIFTS), timeout);
    // Both replicas were killed and came back (the launcher restarts each on its own).
    expect(system.pidOf('scheduling', 0)).not.toBe(firstPids[0]);
    expect(system.pidOf('scheduling', 1)).not.toBe(firstPids[1]);

    for (const type of ['starting_soon', 'missed']) {
      const subjects = fired(type).map((f) => f.subject);
      expect(subjects).toHaveLength(SHIFTS);
      expect(new Set(subjects.map((s) => s.split('.')[2]))).toEqual(shiftIds);
      const logged = await timerEventsInLog(type);
      expect(logged).toHaveLength(SHIFTS);
      expect(logged.every((row) => row.n === 1)).toBe(true);
    }
  } finally {
    socket.close();
  }
});
