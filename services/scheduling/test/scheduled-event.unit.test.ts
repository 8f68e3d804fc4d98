import type { scheduling } from '@omni/contracts';
import { given } from '@omni/testing';
import { facilityCalendarDecider } from '../src/domain/facilityCalendar/decider.js';
import { scheduledEventDecider } from '../src/domain/scheduledEvent/decider.js';

const facilityId = '0190eeee-0000-7000-8000-000000000001';
const eventId = '0190eeee-0000-7000-8000-000000000002';
const otherId = '0190eeee-0000-7000-8000-000000000003';
const details = {
  title: 'Live show',
  facilityId,
  startsAt: '2026-03-02T18:00:00.000Z',
  endsAt: '2026-03-02T20:00:00.000Z',
};
const scheduled: scheduling.ScheduledEventEvent = { type: 'scheduled', data: { eventId, ...details } };
const booked = (id: string, startsAt: string, endsAt: string): scheduling.FacilityCalendarEvent => ({
  type: 'booked',
  data: { facilityId, eventId: id, startsAt, endsAt },
});

describe('scheduled event decider', () => {
  it('is scheduled, moved and cancelled', () => {
    given(scheduledEventDecider, [])
      .when({ type: 'ScheduleEvent', eventId, ...details })
      .then([scheduled]);
    given(scheduledEventDecider, [scheduled])
      .when({ type: 'RescheduleEvent', endsAt: '2026-03-02T21:00:00.000Z' })
      .then([{ type: 'rescheduled', data: { eventId, ...details, endsAt: '2026-03-02T21:00:00.000Z' } }]);
    given(scheduledEventDecider, [scheduled])
      .when({ type: 'CancelEvent', reason: null })
      .then([{ type: 'cancelled', data: { eventId, facilityId, reason: null } }]);
  });

  it('refuses an end before the start (400) and anything once cancelled', () => {
    given(scheduledEventDecider, [scheduled])
      .when({ type: 'RescheduleEvent', endsAt: details.startsAt })
      .thenFails('validation_failed');
    const cancelled: scheduling.ScheduledEventEvent = {
      type: 'cancelled',
      data: { eventId, facilityId, reason: null },
    };
    given(scheduledEventDecider, [scheduled, cancelled])
      .when({ type: 'CancelEvent', reason: null })
      .thenFails('event_cancelled');
  });
});

describe('facility calendar decider', () => {
  describe('when the facility is booked 18:00–20:00', () => {
    const history = [booked(eventId, details.startsAt, details.endsAt)];

    it('refuses an overlapping event with facility_booked (409)', () => {
      const refusal = given(facilityCalendarDecider, history)
        .when({
          type: 'BookFacility',
          facilityId,
          eventId: otherId,
          startsAt: '2026-03-02T19:00:00.000Z',
          endsAt: '2026-03-02T22:00:00.000Z',
        })
        .thenFails('facility_booked');
      expect(refusal.status).toBe(409);
    });

    it('books the time right after, and moves the same event over its own time', () => {
      given(facilityCalendarDecider, history)
        .when({
          type: 'BookFacility',
          facilityId,
          eventId: otherId,
          startsAt: details.endsAt,
          endsAt: '2026-03-02T22:00:00.000Z',
        })
        .then([booked(otherId, details.endsAt, '2026-03-02T22:00:00.000Z')]);
      given(facilityCalendarDecider, history)
        .when({
          type: 'BookFacility',
          facilityId,
          eventId,
          startsAt: '2026-03-02T19:00:00.000Z',
          endsAt: '2026-03-02T21:00:00.000Z',
        })
        .then([
          { type: 'released', data: { facilityId, eventId } },
          booked(eventId, '2026-03-02T19:00:00.000Z', '2026-03-02T21:00:00.000Z'),
        ]);
    });

    it('frees the time when released', () => {
      given(facilityCalendarDecider, [...history, { type: 'released', data: { facilityId, eventId } }])
        .when({
          type: 'BookFacility',
          facilityId,
          eventId: otherId,
          startsAt: details.startsAt,
          endsAt: details.endsAt,
        })
        .then([booked(otherId, details.startsAt, details.endsAt)]);
    });
  });
});
