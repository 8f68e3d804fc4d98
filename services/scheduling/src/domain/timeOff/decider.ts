import { ConflictError, assertNever, type Decider, type OmniError, type scheduling } from '@omni/contracts';

export type TimeOffCommand =
  | {
      readonly type: 'RequestTimeOff';
      readonly timeOffId: string;
      readonly staffId: string;
      readonly staffUserId: string | null;
      readonly from: string;
      readonly to: string;
      readonly reason: string;
    }
  | {
      readonly type: 'ApproveTimeOff';
      readonly reason: string | null;
      readonly unassignedShiftIds: readonly string[];
    }
  | { readonly type: 'RejectTimeOff'; readonly reason: string | null }
  | { readonly type: 'CancelTimeOff' };

export type TimeOffState =
  | { readonly status: 'none' }
  | {
      readonly status: scheduling.TimeOffStatus;
      readonly timeOffId: string;
      readonly staffId: string;
      readonly staffUserId: string | null;
      readonly from: string;
      readonly to: string;
    };

export const timeOffDecider: Decider<TimeOffCommand, scheduling.TimeOffEvent, TimeOffState, OmniError> = {
  initialState: { status: 'none' },

  decide(command, state) {
    if (command.type === 'RequestTimeOff') {
      if (state.status !== 'none') return new ConflictError('time_off_exists', 'This request exists already');
      const { type: _type, ...data } = command;
      return [{ type: 'requested', data }];
    }
    if (state.status === 'none') return new ConflictError('time_off_not_found', 'There is no such request');
    if (state.status !== 'pending')
      return new ConflictError('time_off_not_pending', `The request is ${state.status}, no longer pending`);
    const { timeOffId, staffId, staffUserId, from, to } = state;
    switch (command.type) {
      case 'ApproveTimeOff': {
        const { reason, unassignedShiftIds } = command;
        return [
          {
            type: 'approved',
            data: {
              timeOffId,
              staffId,
              staffUserId,
              from,
              to,
              reason,
              unassignedShiftIds: [...unassignedShiftIds],
            },
          },
        ];
      }
      case 'RejectTimeOff':
        return [{ type: 'rejected', data: { timeOffId, staffId, staffUserId, reason: command.reason } }];
      case 'CancelTimeOff':
        return [{ type: 'cancelled', data: { timeOffId, staffId, staffUserId } }];
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'requested': {
        const { timeOffId, staffId, staffUserId, from, to } = event.data;
        return { status: 'pending', timeOffId, staffId, staffUserId, from, to };
      }
      case 'approved':
      case 'rejected':
      case 'cancelled':
        return state.status === 'none' ? state : { ...state, status: event.type };
      default:
        return state;
    }
  },
};
