import { OmniClient, OmniRealtime, ok, type ErrorFrame, type EventFrame } from '@omni/client';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';
import pg from 'pg';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

let system: RunningSystem;
let admin: OmniClient;
let manager: OmniClient;

beforeAll(async () => {
  system = await startSystem();
  admin = new OmniClient({ baseUrl: system.baseUrl });
  await admin.login('admin@omni.local', 'omni-admin');
  manager = (await signIn(['manager'])).client;
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await system?.stop();
});

const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
const HOUR = 3600_000;
/** Far enough ahead that no timer fires during the test, on a Monday 00:00 UTC. */
const week = (n: number) => Date.UTC(2031, 0, 6) + n * 7 * 24 * HOUR;
const at = (ms: number) => new Date(ms).toISOString();

async function signIn(roles: string[]) {
  const email = `${unique(roles.join('-'))}@omni.test`;
  const user = ok(
    await admin.http.POST('/users', {
      body: { email, name: email, password: 'correct horse battery', roles: roles as never },
    }),
  );
  const client = new OmniClient({ baseUrl: system.baseUrl });
  await client.login(email, 'correct horse battery');
  return { client, userId: user.id };
}

const facility = async (timezone?: string) =>
  ok(
    await manager.http.POST('/scheduling/facilities', {
      body: { code: unique('F'), name: 'Studio', ...(timezone ? { timezone } : {}) },
    }),
  );

/** A staff member with their own signed-in gateway user. */
async function staffMember(weeklyMinutesLimit?: number) {
  const { client, userId } = await signIn(['staff']);
  const staff = ok(
    await manager.http.POST('/scheduling/staff', {
      body: {
        name: 'Ada',
        email: `${unique('ada')}@omni.test`,
        userId,
        ...(weeklyMinutesLimit ? { weeklyMinutesLimit } : {}),
      },
    }),
  );
  return { staff, client, userId };
}

const shift = (facilityId: string, startsAt: number, hours: number, staffId?: string) =>
  manager.http.POST('/scheduling/shifts', {
    body: {
      facilityId,
      startsAt: at(startsAt),
      endsAt: at(startsAt + hours * HOUR),
      ...(staffId ? { staffId } : {}),
    },
  });

const assign = (shiftId: string, staffId: string, client = manager) =>
  client.http.POST('/scheduling/shifts/{shiftId}/assign', {
    params: { path: { shiftId } },
    body: { staffId },
  });

describe('facilities and staff', () => {
  it('creates a facility once per code; a time zone must be real', async () => {
    const code = unique('F');
    const created = ok(
      await manager.http.POST('/scheduling/facilities', {
        body: { code, name: 'Van', timezone: 'Europe/Berlin' },
      }),
    );
    expect(created).toMatchObject({ code, timezone: 'Europe/Berlin', version: 1 });
    const again = await manager.http.POST('/scheduling/facilities', { body: { code, name: 'Van' } });
    expect(again.response.status).toBe(409);
    const bad = await manager.http.POST('/scheduling/facilities', {
      body: { code: '', name: '', timezone: 'Mars/Olympus' },
    });
    expect(bad.response.status).toBe(400);
    expect((bad.error as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual([
      'code',
      'name',
      'timezone',
    ]);
    const list = ok(await manager.http.GET('/scheduling/facilities', { params: { query: { limit: 200 } } }));
    expect(list.items.map((f) => f.code)).toContain(code);
  });

  it('registers, reads and updates staff; unknown ids are 404', async () => {
    const { staff } = await staffMember(600);
    expect(staff).toMatchObject({ name: 'Ada', weeklyMinutesLimit: 600, skills: [] });
    const updated = ok(
      await manager.http.PATCH('/scheduling/staff/{staffId}', {
        params: { path: { staffId: staff.id } },
        body: { skills: ['barista'], weeklyMinutesLimit: null },
        headers: { 'If-Match': `"${staff.version}"` },
      }),
    );
    expect(updated).toMatchObject({ skills: ['barista'], weeklyMinutesLimit: null, version: 2 });
    expect(
      ok(await manager.http.GET('/scheduling/staff/{staffId}', { params: { path: { staffId: staff.id } } }))
        .version,
    ).toBe(2);
    const missing = await manager.http.GET('/scheduling/staff/{staffId}', {
      params: { path: { staffId: '0190ffff-0000-7000-8000-00000000beef' } },
    });
    expect(missing.response.status).toBe(404);
  });

  it('searches staff by a literal substring of name or e-mail: % and _ match only themselves', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    for (const name of [`Ra_${tag}`, `Rax${tag}`]) {
      ok(await manager.http.POST('/scheduling/staff', { body: { name, email: `${name}@omni.test` } }));
    }
    const search = async (q: string) =>
      ok(await manager.http.GET('/scheduling/staff', { params: { query: { q, limit: 200 } } })).items.map(
        (s) => s.name,
      );
    expect(await search(`a_${tag}`)).toEqual([`Ra_${tag}`]);
    expect(await search(`RAX${tag}`)).toEqual([`Rax${tag}`]);
    expect(await search('%')).toEqual([]);
  });
});

describe('shift rules', () => {
  it('refuses a shift that ends before it starts or lasts over 16 hours, and a range over 31 days (400)', async () => {
    const { id } = await facility();
    expect((await shift(id, week(1), -1)).response.status).toBe(400);
    const long = await shift(id, week(1), 16.5);
    expect(long.response.status).toBe(400);
    expect((long.error as { errors: { path: string }[] }).errors[0]?.path).toBe('endsAt');
    expect((await shift(id, week(1), 16)).response.status).toBe(201);
    const range = await manager.http.GET('/scheduling/shifts', {
      params: { query: { from: at(week(1)), to: at(week(6)) } },
    });
    expect(range.response.status).toBe(400);
    expect((range.error as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual([
      'from',
      'to',
    ]);
  });

  it('assigns, refuses an overlap with shift_overlap and frees the time on unassign and cancel', async () => {
    const { id: facilityId } = await facility();
    const { staff } = await staffMember();
    const first = ok(await shift(facilityId, week(2), 8, staff.id));
    expect(first).toMatchObject({ status: 'assigned', staffId: staff.id });
    const second = ok(await shift(facilityId, week(2) + 4 * HOUR, 8));
    const refused = await assign(second.id, staff.id);
    expect(refused.response.status).toBe(422);
    expect((refused.error as { code: string }).code).toBe('shift_overlap');
    ok(
      await manager.http.POST('/scheduling/shifts/{shiftId}/unassign', {
        params: { path: { shiftId: first.id } },
      }),
    );
    expect(ok(await assign(second.id, staff.id))).toMatchObject({ status: 'assigned' });
    ok(
      await manager.http.POST('/scheduling/shifts/{shiftId}/cancel', {
        params: { path: { shiftId: second.id } },
        body: { reason: 'closed' },
      }),
    );
    expect(ok(await assign(first.id, staff.id)).status).toBe('assigned');
    expect((await assign('0190ffff-0000-7000-8000-00000000beef', staff.id)).response.status).toBe(404);
    expect((await assign(second.id, staff.id)).response.status).toBe(409); // cancelled
    expect(
      ((await assign(first.id, '0190ffff-0000-7000-8000-00000000beef')).error as { code: string }).code,
    ).toBe('unknown_staff');
  });

  it("refuses the minute beyond the weekly limit in the facility's ISO week", async () => {
    const { id: facilityId } = await facility('Europe/Berlin');
    const { staff } = await staffMember(10 * 60);
    ok(await shift(facilityId, week(3) + 8 * HOUR, 8, staff.id));
    const tooMuch = await shift(facilityId, week(3) + 26 * HOUR, 2.5, staff.id);
    expect(tooMuch.response.status).toBe(422);
    expect((tooMuch.error as { code: string }).code).toBe('weekly_limit_exceeded');
    expect((await shift(facilityId, week(4) + 8 * HOUR, 8, staff.id)).response.status).toBe(201);
  });

  it('approving time off unassigns the overlapping shifts (time_off) and blocks assignment (staff_on_leave)', async () => {
    const { id: facilityId } = await facility();
    const { staff, client } = await staffMember();
    const inside = ok(await shift(facilityId, week(5) + 8 * HOUR, 8, staff.id));
    const request = ok(
      await client.http.POST('/scheduling/time-off', {
        body: { staffId: staff.id, from: at(week(5)), to: at(week(5) + 48 * HOUR), reason: 'holiday' },
      }),
    );
    expect(request.status).toBe('pending');
    expect(
      (
        await client.http.POST('/scheduling/time-off/{timeOffId}/approve', {
          params: { path: { timeOffId: request.id } },
          body: {},
        })
      ).response.status,
    ).toBe(403);
    const approved = ok(
      await manager.http.POST('/scheduling/time-off/{timeOffId}/approve', {
        params: { path: { timeOffId: request.id } },
        body: {},
      }),
    );
    expect(approved).toMatchObject({ status: 'approved', unassignedShiftIds: [inside.id] });
    expect(
      ok(
        await manager.http.GET('/scheduling/shifts/{shiftId}', { params: { path: { shiftId: inside.id } } }),
      ),
    ).toMatchObject({ status: 'open', staffId: null });
    const onLeave = await assign(inside.id, staff.id);
    expect((onLeave.error as { code: string }).code).toBe('staff_on_leave');
    const again = await manager.http.POST('/scheduling/time-off/{timeOffId}/reject', {
      params: { path: { timeOffId: request.id } },
      body: {},
    });
    expect(again.response.status).toBe(409);
    const mine = ok(await client.http.GET('/scheduling/time-off', { params: { query: {} } }));
    expect(mine.items.map((t) => t.id)).toEqual([request.id]);
  });

  it('books a facility for one event at a time (409 facility_booked)', async () => {
    const { id: facilityId } = await facility();
    const body = { title: 'Live show', facilityId, startsAt: at(week(6)), endsAt: at(week(6) + 2 * HOUR) };
    const show = ok(await manager.http.POST('/scheduling/events', { body }));
    const clash = await manager.http.POST('/scheduling/events', {
      body: { ...body, startsAt: at(week(6) + HOUR), endsAt: at(week(6) + 3 * HOUR) },
    });
    expect(clash.response.status).toBe(409);
    expect((clash.error as { code: string }).code).toBe('facility_booked');
    ok(
      await manager.http.POST('/scheduling/events/{eventId}/cancel', {
        params: { path: { eventId: show.id } },
        body: {},
      }),
    );
    expect((await manager.http.POST('/scheduling/events', { body })).response.status).toBe(201);
    const listed = ok(
      await manager.http.GET('/scheduling/events', {
        params: { query: { facilityId, from: at(week(6)), to: at(week(7)) } },
      }),
    );
    expect(listed.items.map((e) => e.status).sort()).toEqual(['cancelled', 'scheduled']);
  });

  it('lets exactly one of two concurrent overlapping assignments win', async () => {
    const { id: facilityId } = await facility();
    const { staff } = await staffMember();
    const a = ok(await shift(facilityId, week(7), 8));
    const b = ok(await shift(facilityId, week(7) + 2 * HOUR, 8));
    const other = new OmniClient({ baseUrl: system.baseUrl });
    await other.login('admin@omni.local', 'omni-admin');
    const results = await Promise.all([assign(a.id, staff.id), assign(b.id, staff.id, other)]);
    expect(results.map((r) => r.response.status).sort()).toEqual([201, 422]);
    expect(results.map((r) => (r.error as { code?: string } | undefined)?.code).filter(Boolean)).toEqual([
      'shift_overlap',
    ]);
  });
});

describe('staff see their own shifts', () => {
  it('through REST: list, detail, me/shifts and time entries; clock-in/out only their own', async () => {
    const { id: facilityId } = await facility();
    const ada = await staffMember();
    const bob = await staffMember();
    const now = Date.now();
    const adas = ok(await shift(facilityId, now + 10 * 60_000, 2, ada.staff.id));
    const bobs = ok(await shift(facilityId, now + 10 * 60_000, 2, bob.staff.id));
    const range = { from: at(now - HOUR), to: at(now + 24 * HOUR) };

    const listed = ok(await ada.client.http.GET('/scheduling/shifts', { params: { query: range } }));
    expect(listed.items.map((s) => s.id)).toEqual([adas.id]);
    expect(
      ok(await ada.client.http.GET('/scheduling/me/shifts', { params: { query: range } })).items.map(
        (s) => s.id,
      ),
    ).toEqual([adas.id]);
    const others = await ada.client.http.GET('/scheduling/shifts/{shiftId}', {
      params: { path: { shiftId: bobs.id } },
    });
    expect(others.response.status).toBe(404);
    const all = ok(
      await manager.http.GET('/scheduling/shifts', { params: { query: { ...range, facilityId } } }),
    );
    expect(all.items.map((s) => s.id).sort()).toEqual([adas.id, bobs.id].sort());
    expect(
      (
        await ada.client.http.POST('/scheduling/shifts', {
          body: { facilityId, startsAt: at(now), endsAt: at(now + HOUR) },
        })
      ).response.status,
    ).toBe(403);

    const clockIn = (shiftId: string, client: OmniClient) =>
      client.http.POST('/scheduling/shifts/{shiftId}/clock-in', { params: { path: { shiftId } } });
    const clockOut = (shiftId: string, client: OmniClient) =>
      client.http.POST('/scheduling/shifts/{shiftId}/clock-out', { params: { path: { shiftId } } });
    expect((await clockIn(bobs.id, ada.client)).response.status).toBe(403);
    expect(((await clockOut(adas.id, ada.client)).error as { code: string }).code).toBe('not_clocked_in');
    expect(ok(await clockIn(adas.id, ada.client)).clockedInAt).not.toBeNull();
    expect(((await clockIn(adas.id, ada.client)).error as { code: string }).code).toBe('already_clocked_in');
    expect(ok(await clockOut(adas.id, ada.client))).toMatchObject({ status: 'completed' });
    ok(await clockIn(bobs.id, manager)); // a manager for them

    const early = ok(await shift(facilityId, now + 3 * HOUR, 1, ada.staff.id));
    expect(((await clockIn(early.id, ada.client)).error as { code: string }).code).toBe('clock_in_too_early');

    const entries = ok(await ada.client.http.GET('/scheduling/time-entries', { params: { query: range } }));
    expect(entries.items.map((e) => e.shiftId)).toEqual([adas.id]);
    expect(entries.totals).toEqual({ minutes: entries.items[0]!.minutes, shifts: 1 });
    const everyone = ok(
      await manager.http.GET('/scheduling/time-entries', {
        params: { query: { ...range, staffId: ada.staff.id } },
      }),
    );
    expect(everyone.totals.shifts).toBe(1);
  });

  it('through the socket: a staff user receives only events of their own shifts, a manager all', async () => {
    const { id: facilityId } = await facility();
    const ada = await staffMember();
    const bob = await staffMember();
    const errors: ErrorFrame[] = [];
    const socketOf = (client: OmniClient) =>
      new OmniRealtime({
        baseUrl: system.baseUrl,
        accessToken: () => client.accessToken!,
        onError: (f) => errors.push(f),
      });
    const adaSocket = socketOf(ada.client);
    const managerSocket = socketOf(manager);
    const toAda: EventFrame[] = [];
    const toManager: EventFrame[] = [];
    try {
      // From the start of the stream: nothing is missed while the subscriptions are being made.
      await adaSocket.subscribe('scheduling.shift.*.>', (f) => toAda.push(f), { since: 0 });
      await managerSocket.subscribe('scheduling.shift.*.>', (f) => toManager.push(f), { since: 0 });
      await expect(adaSocket.subscribe('scheduling.>', () => undefined)).rejects.toThrow(/forbidden/);
      await eventually(() => expect(errors.map((e) => e.code)).toEqual(['forbidden']));
      const bobs = ok(await shift(facilityId, week(8), 4, bob.staff.id));
      const adas = ok(await shift(facilityId, week(8), 4, ada.staff.id));
      const subjectsOf = (frames: EventFrame[]) => frames.map((f) => f.subject);
      await eventually(() => expect(subjectsOf(toManager)).toContain(`scheduling.shift.${adas.id}.assigned`));
      await eventually(() => expect(subjectsOf(toAda)).toContain(`scheduling.shift.${adas.id}.assigned`));
      expect(subjectsOf(toManager)).toContain(`scheduling.shift.${bobs.id}.assigned`);
      expect(toAda.every((f) => f.event.data['staffUserId'] === ada.userId)).toBe(true);
      expect(subjectsOf(toAda).some((s) => s.includes(bobs.id))).toBe(false);
    } finally {
      adaSocket.close();
      managerSocket.close();
    }
  });
});

describe('replay', () => {
  const TABLES = [
    'facilities',
    'staff',
    'shifts',
    'shift_reminders',
    'shift_clock_ins',
    'time_off',
    'scheduled_events',
  ];
  const OMNI = fileURLToPath(new URL('../../../packages/cli/bin/omni.js', import.meta.url));

  it('`omni replay scheduling` rebuilds every read model to the same rows', async () => {
    const db = new pg.Pool({ connectionString: system.database.url, max: 1 });
    const snapshot = async () => {
      const rows: Record<string, unknown[]> = {};
      for (const table of TABLES)
        rows[table] = (await db.query(`SELECT * FROM scheduling.${table} ORDER BY 1`)).rows;
      return rows;
    };
    try {
      const before = await snapshot();
      expect(before['shifts']!.length).toBeGreaterThan(0);
      const { stdout } = await run(process.execPath, [OMNI, '--json', 'replay', 'scheduling'], {
        env: { ...process.env, NATS_URL: system.nats.url, DATABASE_URL: system.database.url },
      });
      const result = JSON.parse(stdout) as { events: number; projections: { projection: string }[] };
      expect(result.events).toBeGreaterThan(0);
      // Own-log read models are rebuilt together, in one pass over the log.
      expect(result.projections.flatMap((p) => p.projection.split(',')).sort()).toEqual([
        'events',
        'facilities',
        'shift-timers',
        'shifts',
        'staff',
        'time-off',
      ]);
      expect(await snapshot()).toEqual(before);
    } finally {
      await db.end();
    }
  });
});
