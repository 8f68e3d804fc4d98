import { OmniClient, OmniRealtime, ok, type EventFrame } from '@omni/client';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';

let system: RunningSystem;
let admin: OmniClient;

// Seconds instead of minutes: the reminder 15 s before the start, missed 6 s after it.
beforeAll(async () => {
  system = await startSystem({ env: { SHIFT_REMINDER_MINUTES: '0.25', CLOCK_IN_GRACE_MINUTES: '0.1' } });
  admin = new OmniClient({ baseUrl: system.baseUrl });
  await admin.login('admin@omni.local', 'omni-admin');
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await system?.stop();
});

it('publishes starting_soon and missed once each, though scheduling is killed around both due times', async () => {
  const facility = ok(
    await admin.http.POST('/scheduling/facilities', { body: { code: `T-${Date.now()}`, name: 'Studio' } }),
  );
  const staff = ok(
    await admin.http.POST('/scheduling/staff', { body: { name: 'Ada', email: 'ada@omni.test' } }),
  );
  const startsAt = Date.now() + 20_000;
  const shift = ok(
    await admin.http.POST('/scheduling/shifts', {
      body: {
        facilityId: facility.id,
        staffId: staff.id,
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 3600_000).toISOString(),
      },
    }),
  );
  const frames: EventFrame[] = [];
  const socket = new OmniRealtime({ baseUrl: system.baseUrl, accessToken: () => admin.accessToken! });
  try {
    await socket.subscribe(`scheduling.shift.${shift.id}.>`, (f) => frames.push(f), { since: 0 });
    const count = (type: string) => frames.filter((f) => f.subject.endsWith(`.${type}`)).length;

    system.kill('scheduling'); // before the reminder is due: it must fire after the restart
    await eventually(() => expect(count('starting_soon')).toBe(1), { timeoutMs: 60_000 });
    system.kill('scheduling'); // between the two timers
    await eventually(() => expect(count('missed')).toBe(1), { timeoutMs: 60_000 });

    const read = await eventually(async () =>
      ok(await admin.http.GET('/scheduling/shifts/{shiftId}', { params: { path: { shiftId: shift.id } } })),
    );
    // scheduled, assigned, starting_soon, missed: no second firing reached the log.
    expect(read).toMatchObject({ status: 'missed', version: 4 });
    expect(frames.map((f) => f.subject.split('.').pop())).toEqual([
      'scheduled',
      'assigned',
      'starting_soon',
      'missed',
    ]);
  } finally {
    socket.close();
  }
});
