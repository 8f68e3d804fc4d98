import type { scheduling } from '@omni/contracts';
import { given } from '@omni/testing';
import { staffScheduleDecider } from '../src/domain/staffSchedule/decider.js';

const staffId = '0190cccc-0000-7000-8000-000000000001';
const shift = (n: number) => `0190cccc-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;
const timeOffId = '0190cccc-0000-7000-8000-000000000009';
const booked = (n: number, startsAt: string, endsAt: string): scheduling.StaffScheduleEvent => ({
  type: 'shift_booked',
  data: { staffId, shiftId: shift(n), startsAt, endsAt },
});
const book = (
  n: number,
  startsAt: string,
  endsAt: string,
  weeklyMinutesLimit: number | null = null,
  timezone = 'UTC',
) =>
  ({
    type: 'BookShift',
    staffId,
    shiftId: shift(n),
    startsAt,
    endsAt,
    weeklyMinutesLimit,
    timezone,
  }) as const;
const released = (n: number): scheduling.StaffScheduleEvent => ({
  type: 'shift_released',
  data: { staffId, shiftId: shift(n) },
});

const monday = booked(1, '2026-03-02T08:00:00.000Z', '2026-03-02T16:00:00.000Z');

describe('staff schedule decider', () => {
  describe('when the staff member has a shift on Monday 08:00–16:00', () => {
    it('books a shift that ends when it starts (intervals are half-open)', () => {
      given(staffScheduleDecider, [monday])
        .when(book(2, '2026-03-02T16:00:00.000Z', '2026-03-02T20:00:00.000Z'))
        .then([booked(2, '2026-03-02T16:00:00.000Z', '2026-03-02T20:00:00.000Z')]);
    });

    it('refuses an overlapping shift with shift_overlap', () => {
      given(staffScheduleDecider, [monday])
        .when(book(2, '2026-03-02T15:00:00.000Z', '2026-03-02T20:00:00.000Z'))
        .thenFails('shift_overlap');
      given(staffScheduleDecider, [monday])
        .when(book(2, '2026-03-02T09:00:00.000Z', '2026-03-02T10:00:00.000Z'))
        .thenFails('shift_overlap');
    });

    it('moves the same shift without counting it against itself', () => {
      given(staffScheduleDecider, [monday])
        .when(book(1, '2026-03-02T10:00:00.000Z', '2026-03-02T18:00:00.000Z'))
        .then([released(1), booked(1, '2026-03-02T10:00:00.000Z', '2026-03-02T18:00:00.000Z')]);
    });

    it('frees the time when the shift is released', () => {
      given(staffScheduleDecider, [monday, released(1)])
        .when(book(2, '2026-03-02T09:00:00.000Z', '2026-03-02T10:00:00.000Z'))
        .then([booked(2, '2026-03-02T09:00:00.000Z', '2026-03-02T10:00:00.000Z')]);
      given(staffScheduleDecider, [monday, released(1)])
        .when({ type: 'ReleaseShift', staffId, shiftId: shift(1) })
        .then([]);
    });
  });

  describe('when the staff member has approved leave', () => {
    const leave: scheduling.StaffScheduleEvent = {
      type: 'leave_blocked',
      data: { staffId, timeOffId, from: '2026-03-10T00:00:00.000Z', to: '2026-03-13T00:00:00.000Z' },
    };

    it('refuses a shift inside it with staff_on_leave', () => {
      given(staffScheduleDecider, [leave])
        .when(book(2, '2026-03-12T22:00:00.000Z', '2026-03-13T02:00:00.000Z'))
        .thenFails('staff_on_leave');
    });

    it('blocking leave releases the listed shifts inside it', () => {
      const inside = booked(3, '2026-03-11T08:00:00.000Z', '2026-03-11T12:00:00.000Z');
      given(staffScheduleDecider, [monday, inside])
        .when({
          type: 'BlockLeave',
          staffId,
          timeOffId,
          from: leave.data.from,
          to: leave.data.to,
          releasedShiftIds: [shift(3)],
        })
        .then([leave, released(3)]);
    });
  });

  describe('with a weekly limit of 10 hours', () => {
    const limit = 600;

    it('refuses the minute beyond it in the same ISO week, not in the next', () => {
      given(staffScheduleDecider, [monday])
        .when(book(2, '2026-03-04T08:00:00.000Z', '2026-03-04T10:00:00.000Z', limit))
        .then([booked(2, '2026-03-04T08:00:00.000Z', '2026-03-04T10:00:00.000Z')]);
      given(staffScheduleDecider, [monday])
        .when(book(2, '2026-03-04T08:00:00.000Z', '2026-03-04T10:01:00.000Z', limit))
        .thenFails('weekly_limit_exceeded');
      given(staffScheduleDecider, [monday])
        .when(book(2, '2026-03-09T08:00:00.000Z', '2026-03-09T16:00:00.000Z', limit))
        .then([booked(2, '2026-03-09T08:00:00.000Z', '2026-03-09T16:00:00.000Z')]);
    });

    it("counts weeks on the facility's wall clock: Sunday 23:30 UTC is already Monday in Berlin", () => {
      const sundayNightUtc = booked(1, '2026-03-08T23:30:00.000Z', '2026-03-09T07:30:00.000Z'); // Mon 00:30 Berlin
      const monday9 = book(2, '2026-03-09T08:00:00.000Z', '2026-03-09T11:00:00.000Z', limit, 'Europe/Berlin');
      given(staffScheduleDecider, [sundayNightUtc]).when(monday9).thenFails('weekly_limit_exceeded');
      given(staffScheduleDecider, [sundayNightUtc])
        .when({ ...monday9, timezone: 'UTC' })
        .then([booked(2, '2026-03-09T08:00:00.000Z', '2026-03-09T11:00:00.000Z')]);
    });

    it('counts real minutes across the March clock change (a 23-hour day in Berlin)', () => {
      // Saturday 22:00 to Sunday 06:00 Berlin on 2026-03-28/29 is 7 hours, not 8.
      const night = book(2, '2026-03-28T21:00:00.000Z', '2026-03-29T04:00:00.000Z', 7 * 60, 'Europe/Berlin');
      given(staffScheduleDecider, [])
        .when(night)
        .then([booked(2, '2026-03-28T21:00:00.000Z', '2026-03-29T04:00:00.000Z')]);
      given(staffScheduleDecider, [])
        .when({ ...night, weeklyMinutesLimit: 7 * 60 - 1 })
        .thenFails('weekly_limit_exceeded');
    });
  });
});
