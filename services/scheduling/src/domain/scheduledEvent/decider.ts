import {
  ConflictError,
  ValidationError,
  assertNever,
  type Decider,
  type OmniError,
  type scheduling,
} from '@omni/contracts';

interface EventDetails {
  readonly title: string;
  readonly facilityId: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

export type ScheduledEventCommand =
  | ({ readonly type: 'ScheduleEvent'; readonly eventId: string } & EventDetails)
  | ({ readonly type: 'RescheduleEvent' } & Partial<EventDetails>)
  | { readonly type: 'CancelEvent'; readonly reason: string | null };

export type ScheduledEventState =
  | { readonly status: 'none' }
  | ({ readonly status: 'scheduled' | 'cancelled'; readonly eventId: string } & EventDetails);

export const scheduledEventDecider: Decider<
  ScheduledEventCommand,
  scheduling.ScheduledEventEvent,
  ScheduledEventState,
  OmniError
> = {
  initialState: { status: 'none' },

  decide(command, state) {
    if (command.type === 'ScheduleEvent') {
      if (state.status !== 'none') return new ConflictError('event_exists', 'This event exists already');
      const { type: _type, ...data } = command;
      return [{ type: 'scheduled', data }];
    }
    if (state.status === 'none') return new ConflictError('event_not_found', 'There is no such event');
    if (state.status === 'cancelled') return new ConflictError('event_cancelled', 'The event is cancelled');
    switch (command.type) {
      case 'RescheduleEvent': {
        const { status: _status, ...current } = state;
        const next = {
          ...current,
          ...Object.fromEntries(Object.entries(command).filter(([k, v]) => k !== 'type' && v !== undefined)),
        };
        if (Date.parse(next.endsAt) <= Date.parse(next.startsAt))
          return new ValidationError('The event times are invalid', [
            { path: 'endsAt', message: 'endsAt must be after startsAt' },
          ]);
        if (JSON.stringify(next) === JSON.stringify(current)) return [];
        return [{ type: 'rescheduled', data: next }];
      }
      case 'CancelEvent':
        return [
          {
            type: 'cancelled',
            data: { eventId: state.eventId, facilityId: state.facilityId, reason: command.reason },
          },
        ];
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'scheduled':
      case 'rescheduled':
        return { status: 'scheduled', ...event.data };
      case 'cancelled':
        return state.status === 'none' ? state : { ...state, status: 'cancelled' };
      default:
        return state;
    }
  },
};
