import {
  BusinessRuleError,
  ConflictError,
  ValidationError,
  assertNever,
  scheduling,
  type Decider,
  type OmniError,
} from '@omni/contracts';
import { minutesOf } from '../time.js';

/** Clock-in opens this long before a shift starts (docs/scheduling.md). */
export const CLOCK_IN_OPENS_MINUTES = 30;

interface Placement {
  readonly facilityId: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

export type ShiftCommand =
  | ({
      readonly type: 'ScheduleShift';
      readonly shiftId: string;
      readonly position: string | null;
      readonly notes: string | null;
    } & Placement)
  | { readonly type: 'AssignShift'; readonly staffId: string; readonly staffUserId: string | null }
  | { readonly type: 'UnassignShift'; readonly reason: string }
  | ({ readonly type: 'RescheduleShift' } & Partial<Placement>)
  | { readonly type: 'CancelShift'; readonly reason: string }
  | { readonly type: 'ClockIn'; readonly at: string }
  | { readonly type: 'ClockOut'; readonly at: string }
  /** Timers: each decides nothing when it is late, early or repeated, so it fires once. */
  | { readonly type: 'RemindShift' }
  | { readonly type: 'MarkShiftMissed' };

export type ShiftState =
  | { readonly status: 'none' }
  | ({
      readonly status: scheduling.ShiftStatus;
      readonly shiftId: string;
      readonly staffId: string | null;
      readonly staffUserId: string | null;
      readonly clockedInAt: string | null;
      readonly reminded: boolean;
    } & Placement);

type Shift = Exclude<ShiftState, { status: 'none' }>;
type ShiftEvent = scheduling.ShiftEvent;

export const shiftDecider: Decider<ShiftCommand, ShiftEvent, ShiftState, OmniError> = {
  initialState: { status: 'none' },

  decide(command, state) {
    if (command.type === 'ScheduleShift') {
      if (state.status !== 'none') return new ConflictError('shift_exists', 'This shift exists already');
      const { type: _type, ...data } = command;
      return [{ type: 'scheduled', data: { ...data, staffId: null, staffUserId: null } }];
    }
    if (state.status === 'none') return new ConflictError('shift_not_found', 'There is no such shift');
    return decideOnShift(command, state);
  },

  evolve(state, event) {
    if (event.type === 'scheduled') {
      const { position: _p, notes: _n, ...data } = event.data;
      return { status: 'open', ...data, clockedInAt: null, reminded: false };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'assigned':
        return {
          ...state,
          status: 'assigned',
          staffId: event.data.staffId,
          staffUserId: event.data.staffUserId,
        };
      case 'unassigned':
        return { ...state, status: 'open', staffId: null, staffUserId: null, reminded: false };
      case 'rescheduled': {
        const { facilityId, startsAt, endsAt } = event.data;
        return { ...state, facilityId, startsAt, endsAt, reminded: false };
      }
      case 'cancelled':
        return { ...state, status: 'cancelled' };
      case 'starting_soon':
        return { ...state, reminded: true };
      case 'missed':
        return { ...state, status: 'missed' };
      case 'clocked_in':
        return { ...state, status: 'in_progress', clockedInAt: event.data.at };
      case 'clocked_out':
        return { ...state, status: 'completed' };
      default:
        return state;
    }
  },
};

type OnShift = Exclude<ShiftCommand, { type: 'ScheduleShift' }>;

function decideOnShift(command: OnShift, shift: Shift): readonly ShiftEvent[] | OmniError {
  const owner = { staffId: shift.staffId, staffUserId: shift.staffUserId };
  const placement = { facilityId: shift.facilityId, startsAt: shift.startsAt, endsAt: shift.endsAt };
  switch (command.type) {
    case 'AssignShift': {
      if (shift.status === 'assigned' && shift.staffId === command.staffId) return [];
      if (shift.status !== 'open') return notOpen(shift);
      const { staffId, staffUserId } = command;
      return [{ type: 'assigned', data: { shiftId: shift.shiftId, ...placement, staffId, staffUserId } }];
    }
    case 'UnassignShift': {
      if (shift.status !== 'assigned' || !shift.staffId)
        return new ConflictError('shift_not_assigned', `The shift is ${shift.status}, not assigned`);
      const data = {
        shiftId: shift.shiftId,
        staffId: shift.staffId,
        staffUserId: shift.staffUserId,
        reason: command.reason,
      };
      return [{ type: 'unassigned', data }];
    }
    case 'RescheduleShift': {
      if (shift.status !== 'open' && shift.status !== 'assigned')
        return new ConflictError('shift_not_reschedulable', `A ${shift.status} shift cannot be moved`);
      const next = {
        facilityId: command.facilityId ?? shift.facilityId,
        startsAt: command.startsAt ?? shift.startsAt,
        endsAt: command.endsAt ?? shift.endsAt,
      };
      const problem = scheduling.shiftTimeProblem(next.startsAt, next.endsAt);
      if (problem)
        return new ValidationError('The shift times are invalid', [{ path: 'endsAt', message: problem }]);
      if (JSON.stringify(next) === JSON.stringify(placement)) return [];
      return [
        { type: 'rescheduled', data: { shiftId: shift.shiftId, ...next, previous: placement, ...owner } },
      ];
    }
    case 'CancelShift':
      if (shift.status === 'cancelled')
        return new ConflictError('shift_cancelled', 'The shift is cancelled already');
      if (shift.status !== 'open' && shift.status !== 'assigned')
        return new ConflictError('shift_not_cancellable', `A ${shift.status} shift cannot be cancelled`);
      return [{ type: 'cancelled', data: { shiftId: shift.shiftId, reason: command.reason, ...owner } }];
    case 'ClockIn':
      return clockIn(shift, command.at);
    case 'ClockOut':
      return clockOut(shift, command.at);
    case 'RemindShift':
      if (shift.status !== 'assigned' || shift.reminded || !shift.staffId) return [];
      return [
        {
          type: 'starting_soon',
          data: {
            shiftId: shift.shiftId,
            ...placement,
            staffId: shift.staffId,
            staffUserId: shift.staffUserId,
          },
        },
      ];
    case 'MarkShiftMissed':
      if (shift.status !== 'assigned' || !shift.staffId) return [];
      return [
        {
          type: 'missed',
          data: {
            shiftId: shift.shiftId,
            ...placement,
            staffId: shift.staffId,
            staffUserId: shift.staffUserId,
          },
        },
      ];
    default:
      return assertNever(command);
  }
}

function clockIn(shift: Shift, at: string): readonly ShiftEvent[] | OmniError {
  if (shift.status === 'in_progress' || shift.status === 'completed')
    return new BusinessRuleError('already_clocked_in', 'The shift is clocked in already');
  if (shift.status !== 'assigned' || !shift.staffId)
    return new BusinessRuleError('shift_not_assigned', `A ${shift.status} shift cannot be clocked in`);
  const opensAt = Date.parse(shift.startsAt) - CLOCK_IN_OPENS_MINUTES * 60_000;
  if (Date.parse(at) < opensAt) {
    return new BusinessRuleError(
      'clock_in_too_early',
      `Clock-in opens ${CLOCK_IN_OPENS_MINUTES} minutes before the start`,
      {
        details: { opensAt: new Date(opensAt).toISOString() },
      },
    );
  }
  return [
    {
      type: 'clocked_in',
      data: { shiftId: shift.shiftId, staffId: shift.staffId, staffUserId: shift.staffUserId, at },
    },
  ];
}

function clockOut(shift: Shift, at: string): readonly ShiftEvent[] | OmniError {
  if (shift.status === 'completed')
    return new BusinessRuleError('already_clocked_out', 'The shift is clocked out already');
  if (shift.status !== 'in_progress' || !shift.clockedInAt || !shift.staffId)
    return new BusinessRuleError('not_clocked_in', 'Clock in before clocking out');
  const minutes = Math.max(0, minutesOf({ startsAt: shift.clockedInAt, endsAt: at }));
  return [
    {
      type: 'clocked_out',
      data: { shiftId: shift.shiftId, staffId: shift.staffId, staffUserId: shift.staffUserId, at, minutes },
    },
  ];
}

function notOpen(shift: Shift): OmniError {
  if (shift.status === 'assigned')
    return new ConflictError(
      'shift_already_assigned',
      'The shift has a staff member already: unassign first',
    );
  return new ConflictError('shift_not_open', `A ${shift.status} shift cannot be assigned`);
}
