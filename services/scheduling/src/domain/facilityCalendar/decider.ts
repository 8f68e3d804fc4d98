import { ConflictError, assertNever, type Decider, type OmniError, type scheduling } from '@omni/contracts';
import { overlaps, type Interval } from '../time.js';

/**
 * A facility's booked events: the stream every scheduled event decides on, so two events never hold
 * the same facility time (docs/adr/0007-schedules-as-streams.md).
 */
export type FacilityCalendarCommand =
  | {
      readonly type: 'BookFacility';
      readonly facilityId: string;
      readonly eventId: string;
      readonly startsAt: string;
      readonly endsAt: string;
    }
  | { readonly type: 'ReleaseFacility'; readonly facilityId: string; readonly eventId: string };

interface Booking extends Interval {
  readonly eventId: string;
}

export interface FacilityCalendarState {
  readonly bookings: readonly Booking[];
}

type CalendarEvent = scheduling.FacilityCalendarEvent;

export const facilityCalendarDecider: Decider<
  FacilityCalendarCommand,
  CalendarEvent,
  FacilityCalendarState,
  OmniError
> = {
  initialState: { bookings: [] },
  snapshotKey: 'facility-calendar-v1',

  decide(command, state) {
    switch (command.type) {
      case 'BookFacility': {
        const { facilityId, eventId, startsAt, endsAt } = command;
        const clash = state.bookings.find((b) => b.eventId !== eventId && overlaps(b, command));
        if (clash) {
          return new ConflictError('facility_booked', 'The facility has another event then', {
            details: { eventId: clash.eventId },
          });
        }
        return [
          ...release(state, facilityId, eventId),
          { type: 'booked', data: { facilityId, eventId, startsAt, endsAt } },
        ];
      }
      case 'ReleaseFacility':
        return release(state, command.facilityId, command.eventId);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'booked': {
        const { eventId, startsAt, endsAt } = event.data;
        return { bookings: [...state.bookings, { eventId, startsAt, endsAt }] };
      }
      case 'released':
        return { bookings: state.bookings.filter((b) => b.eventId !== event.data.eventId) };
      default:
        return state;
    }
  },
};

function release(
  state: FacilityCalendarState,
  facilityId: string,
  eventId: string,
): readonly CalendarEvent[] {
  return state.bookings.some((b) => b.eventId === eventId)
    ? [{ type: 'released', data: { facilityId, eventId } }]
    : [];
}
