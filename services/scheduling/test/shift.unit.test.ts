import type { scheduling } from '@omni/contracts';
import { given } from '@omni/testing';
import { shiftDecider } from '../src/domain/shift/decider.js';

const shiftId = '0190bbbb-0000-7000-8000-000000000001';
const staffId = '0190bbbb-0000-7000-8000-000000000002';
const staffUserId = '0190bbbb-0000-7000-8000-000000000003';
const facilityId = '0190bbbb-0000-7000-8000-000000000004';
const placement = { facilityId, startsAt: '2026-03-02T08:00:00.000Z', endsAt: '2026-03-02T16:00:00.000Z' };
const owner = { staffId, staffUserId };

const scheduled: scheduling.ShiftEvent = {
  type: 'scheduled',
  data: { shiftId, ...placement, position: 'barista', notes: null, staffId: null, staffUserId: null },
};
const assigned: scheduling.ShiftEvent = { type: 'assigned', data: { shiftId, ...placement, ...owner } };
const clockedIn: scheduling.ShiftEvent = {
  type: 'clocked_in',
  data: { shiftId, ...owner, at: '2026-03-02T07:55:00.000Z' },
};
const reminded: scheduling.ShiftEvent = { type: 'starting_soon', data: { shiftId, ...placement, ...owner } };

describe('shift decider', () => {
  it('schedules a shift once, open', () => {
    const command = {
      type: 'ScheduleShift',
      shiftId,
      ...placement,
      position: 'barista',
      notes: null,
    } as const;
    given(shiftDecider, []).when(command).then([scheduled]);
    given(shiftDecider, [scheduled]).when(command).thenFails('shift_exists');
  });

  describe('when the shift is open', () => {
    it('is assigned to a staff member', () => {
      given(shiftDecider, [scheduled])
        .when({ type: 'AssignShift', ...owner })
        .then([assigned]);
    });

    it('cannot be unassigned, clocked in or out', () => {
      given(shiftDecider, [scheduled])
        .when({ type: 'UnassignShift', reason: 'manual' })
        .thenFails('shift_not_assigned');
      given(shiftDecider, [scheduled])
        .when({ type: 'ClockIn', at: placement.startsAt })
        .thenFails('shift_not_assigned');
      given(shiftDecider, [scheduled])
        .when({ type: 'ClockOut', at: placement.endsAt })
        .thenFails('not_clocked_in');
    });

    it('moves, and refuses times that end before they start or last over 16 hours (400)', () => {
      const later = { startsAt: '2026-03-02T10:00:00.000Z', endsAt: '2026-03-02T18:00:00.000Z' };
      given(shiftDecider, [scheduled])
        .when({ type: 'RescheduleShift', ...later })
        .then([
          {
            type: 'rescheduled',
            data: { shiftId, facilityId, ...later, previous: placement, staffId: null, staffUserId: null },
          },
        ]);
      given(shiftDecider, [scheduled])
        .when({ type: 'RescheduleShift', endsAt: placement.startsAt })
        .thenFails('validation_failed');
      given(shiftDecider, [scheduled])
        .when({ type: 'RescheduleShift', endsAt: '2026-03-03T00:00:01.000Z' })
        .thenFails('validation_failed');
    });

    it('neither reminds nor is missed', () => {
      given(shiftDecider, [scheduled]).when({ type: 'RemindShift' }).then([]);
      given(shiftDecider, [scheduled]).when({ type: 'MarkShiftMissed' }).then([]);
    });
  });

  describe('when the shift is assigned', () => {
    const history = [scheduled, assigned];

    it('refuses another staff member until unassigned; the same one again changes nothing', () => {
      given(shiftDecider, history)
        .when({ type: 'AssignShift', staffId: '0190bbbb-0000-7000-8000-0000000000ff', staffUserId: null })
        .thenFails('shift_already_assigned');
      given(shiftDecider, history)
        .when({ type: 'AssignShift', ...owner })
        .then([]);
    });

    it('is unassigned back to open, with the reason', () => {
      given(shiftDecider, history)
        .when({ type: 'UnassignShift', reason: 'time_off' })
        .then([{ type: 'unassigned', data: { shiftId, ...owner, reason: 'time_off' } }]);
    });

    it('reminds once', () => {
      given(shiftDecider, history).when({ type: 'RemindShift' }).then([reminded]);
      given(shiftDecider, [...history, reminded])
        .when({ type: 'RemindShift' })
        .then([]);
    });

    it('is missed once, and then cannot be clocked in', () => {
      const missed: scheduling.ShiftEvent = { type: 'missed', data: { shiftId, ...placement, ...owner } };
      given(shiftDecider, history).when({ type: 'MarkShiftMissed' }).then([missed]);
      given(shiftDecider, [...history, missed])
        .when({ type: 'MarkShiftMissed' })
        .then([]);
      given(shiftDecider, [...history, missed])
        .when({ type: 'ClockIn', at: placement.startsAt })
        .thenFails('shift_not_assigned');
    });

    it('is clocked in from 30 minutes before its start, not earlier', () => {
      given(shiftDecider, history)
        .when({ type: 'ClockIn', at: '2026-03-02T07:55:00.000Z' })
        .then([clockedIn]);
      given(shiftDecider, history)
        .when({ type: 'ClockIn', at: '2026-03-02T07:30:00.000Z' })
        .then([{ type: 'clocked_in', data: { shiftId, ...owner, at: '2026-03-02T07:30:00.000Z' } }]);
      given(shiftDecider, history)
        .when({ type: 'ClockIn', at: '2026-03-02T07:29:59.000Z' })
        .thenFails('clock_in_too_early');
    });

    it('is cancelled, naming who it belonged to', () => {
      given(shiftDecider, history)
        .when({ type: 'CancelShift', reason: 'closed' })
        .then([{ type: 'cancelled', data: { shiftId, reason: 'closed', ...owner } }]);
    });
  });

  describe('when the shift is clocked in', () => {
    const history = [scheduled, assigned, clockedIn];

    it('refuses a second clock-in and is clocked out with the minutes worked', () => {
      given(shiftDecider, history)
        .when({ type: 'ClockIn', at: '2026-03-02T08:00:00.000Z' })
        .thenFails('already_clocked_in');
      given(shiftDecider, history)
        .when({ type: 'ClockOut', at: '2026-03-02T16:05:00.000Z' })
        .then([
          { type: 'clocked_out', data: { shiftId, ...owner, at: '2026-03-02T16:05:00.000Z', minutes: 490 } },
        ]);
    });

    it('is neither missed nor reminded, nor moved or cancelled', () => {
      given(shiftDecider, history).when({ type: 'MarkShiftMissed' }).then([]);
      given(shiftDecider, history).when({ type: 'RemindShift' }).then([]);
      given(shiftDecider, history)
        .when({ type: 'RescheduleShift', startsAt: placement.startsAt })
        .thenFails('shift_not_reschedulable');
      given(shiftDecider, history)
        .when({ type: 'CancelShift', reason: 'x' })
        .thenFails('shift_not_cancellable');
    });
  });

  it('refuses a second clock-out', () => {
    const out: scheduling.ShiftEvent = {
      type: 'clocked_out',
      data: { shiftId, ...owner, at: placement.endsAt, minutes: 485 },
    };
    given(shiftDecider, [scheduled, assigned, clockedIn, out])
      .when({ type: 'ClockOut', at: placement.endsAt })
      .thenFails('already_clocked_out');
  });

  it('refuses every command on a cancelled shift', () => {
    const cancelled: scheduling.ShiftEvent = {
      type: 'cancelled',
      data: { shiftId, reason: 'x', staffId: null, staffUserId: null },
    };
    given(shiftDecider, [scheduled, cancelled])
      .when({ type: 'CancelShift', reason: 'again' })
      .thenFails('shift_cancelled');
    given(shiftDecider, [scheduled, cancelled])
      .when({ type: 'AssignShift', ...owner })
      .thenFails('shift_not_open');
  });
});
