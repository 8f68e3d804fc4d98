import {
  BusinessRuleError,
  assertNever,
  type Decider,
  type OmniError,
  type scheduling,
} from '@omni/contracts';
import { isoWeekOf, minutesOf, overlaps, type Interval } from '../time.js';

/**
 * One staff member's booked shifts and approved leave: the stream every assignment decides on, so
 * overlap, leave and the weekly limit are checked against everything committed before, in order,
 * across replicas (docs/adr/0007-schedules-as-streams.md).
 */
export type StaffScheduleCommand =
  | {
      readonly type: 'BookShift';
      readonly staffId: string;
      readonly shiftId: string;
      readonly startsAt: string;
      readonly endsAt: string;
      readonly weeklyMinutesLimit: number | null;
      /** The facility's: the week the limit counts is its ISO week on that wall clock. */
      readonly timezone: string;
    }
  | { readonly type: 'ReleaseShift'; readonly staffId: string; readonly shiftId: string }
  | {
      readonly type: 'BlockLeave';
      readonly staffId: string;
      readonly timeOffId: string;
      readonly from: string;
      readonly to: string;
      /** The booked shifts inside the leave that are still only assigned (not worked): they are freed. */
      readonly releasedShiftIds: readonly string[];
    };

interface Booking extends Interval {
  readonly shiftId: string;
}

export interface StaffScheduleState {
  readonly bookings: readonly Booking[];
  readonly leave: readonly Interval[];
}

type StaffScheduleEvent = scheduling.StaffScheduleEvent;

export const staffScheduleDecider: Decider<
  StaffScheduleCommand,
  StaffScheduleEvent,
  StaffScheduleState,
  OmniError
> = {
  initialState: { bookings: [], leave: [] },
  // Every assignment folds this stream: a snapshot keeps that short for a staff member of many years.
  snapshotKey: 'staff-schedule-v1',

  decide(command, state) {
    switch (command.type) {
      case 'BookShift':
        return bookShift(command, state);
      case 'ReleaseShift':
        return release(state, command.staffId, command.shiftId);
      case 'BlockLeave': {
        const { staffId, timeOffId, from, to, releasedShiftIds } = command;
        const released = bookedDuring(state, { startsAt: from, endsAt: to }).filter((b) =>
          releasedShiftIds.includes(b.shiftId),
        );
        return [
          { type: 'leave_blocked', data: { staffId, timeOffId, from, to } },
          ...released.map((b) => ({
            type: 'shift_released' as const,
            data: { staffId, shiftId: b.shiftId },
          })),
        ];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'shift_booked': {
        const { shiftId, startsAt, endsAt } = event.data;
        return { ...state, bookings: [...state.bookings, { shiftId, startsAt, endsAt }] };
      }
      case 'shift_released':
        return { ...state, bookings: state.bookings.filter((b) => b.shiftId !== event.data.shiftId) };
      case 'leave_blocked':
        return { ...state, leave: [...state.leave, { startsAt: event.data.from, endsAt: event.data.to }] };
      default:
        return state;
    }
  },
};

/** The shifts booked in the schedule that overlap `interval`. */
export function bookedDuring(state: StaffScheduleState, interval: Interval): readonly Booking[] {
  return state.bookings.filter((b) => overlaps(b, interval));
}

/** The shift in the schedule: a booking of the same shift is moved, not counted against itself. */
function bookShift(
  command: Extract<StaffScheduleCommand, { type: 'BookShift' }>,
  state: StaffScheduleState,
): readonly StaffScheduleEvent[] | OmniError {
  const { staffId, shiftId, startsAt, endsAt } = command;
  const shift = { startsAt, endsAt };
  const others = state.bookings.filter((b) => b.shiftId !== shiftId);
  if (state.leave.some((l) => overlaps(l, shift)))
    return new BusinessRuleError('staff_on_leave', 'The staff member has approved time off then');
  const clash = others.find((b) => overlaps(b, shift));
  if (clash) {
    return new BusinessRuleError('shift_overlap', 'The staff member has another shift then', {
      details: { shiftId: clash.shiftId },
    });
  }
  const refusal = weeklyLimitRefusal(command, others);
  if (refusal) return refusal;
  const previous = state.bookings.find((b) => b.shiftId === shiftId);
  if (previous?.startsAt === startsAt && previous.endsAt === endsAt) return [];
  return [
    ...release(state, staffId, shiftId),
    { type: 'shift_booked', data: { staffId, shiftId, startsAt, endsAt } },
  ];
}

/** A shift counts toward the ISO week (in the facility's time zone) in which it starts. */
function weeklyLimitRefusal(
  { weeklyMinutesLimit, timezone, startsAt, endsAt }: Extract<StaffScheduleCommand, { type: 'BookShift' }>,
  others: readonly Booking[],
): OmniError | undefined {
  if (weeklyMinutesLimit === null) return undefined;
  const week = isoWeekOf(startsAt, timezone);
  const booked = others
    .filter((b) => isoWeekOf(b.startsAt, timezone) === week)
    .reduce((sum, b) => sum + minutesOf(b), 0);
  const minutes = booked + minutesOf({ startsAt, endsAt });
  if (minutes <= weeklyMinutesLimit) return undefined;
  return new BusinessRuleError('weekly_limit_exceeded', `This would make ${minutes} minutes in ${week}`, {
    details: { week, bookedMinutes: booked, weeklyMinutesLimit },
  });
}

function release(state: StaffScheduleState, staffId: string, shiftId: string): readonly StaffScheduleEvent[] {
  return state.bookings.some((b) => b.shiftId === shiftId)
    ? [{ type: 'shift_released', data: { staffId, shiftId } }]
    : [];
}
