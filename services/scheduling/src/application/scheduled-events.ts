import { newId, type RpcContext, type scheduling } from '@omni/contracts';
import { aggregateIdOf, decideOnStream, type CommandSession } from '@omni/event-store';
import { facilityCalendarDecider } from '../domain/facilityCalendar/decider.js';
import { scheduledEventDecider } from '../domain/scheduledEvent/decider.js';
import { getEvent } from '../projections/eventList/query.js';
import { facilityTimeZone, metadataFrom, notFound, streams, type Scheduling } from './context.js';

/**
 * A scheduled event decides on its own stream and books its time in the facility's calendar stream in
 * the same transaction, so two events never hold one facility at once (409 `facility_booked`).
 */
export async function scheduleEvent(
  service: Scheduling,
  input: scheduling.ScheduleEventInput,
  context: RpcContext,
) {
  const eventId = newId();
  const outcome = await service.commands.execute({
    streams: [streams.event(eventId), streams.facilityCalendar(input.facilityId)],
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
    run: async (session) => {
      await facilityTimeZone(session, input.facilityId);
      await decideOnStream(session, {
        streamId: streams.event(eventId),
        decider: scheduledEventDecider,
        command: { type: 'ScheduleEvent', eventId, ...input },
      });
      await book(session, eventId, input);
    },
  });
  return getEvent(
    service.store.pool,
    service.schema,
    outcome.replayed ? aggregateIdOf(outcome.streamId) : eventId,
  );
}

export async function rescheduleEvent(
  service: Scheduling,
  eventId: string,
  input: scheduling.RescheduleEventInput,
  context: RpcContext,
) {
  await service.commands.execute({
    streams: [streams.event(eventId)],
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
    run: async (session) => {
      const before = (await session.load(streams.event(eventId), scheduledEventDecider)).state;
      const { events, state } = await decideOnStream(session, {
        streamId: streams.event(eventId),
        decider: scheduledEventDecider,
        command: { type: 'RescheduleEvent', ...input },
        expectedVersion: context.expectedVersion,
        ifMissing: notFound.event,
      });
      if (events.length === 0 || before.status === 'none' || state.status === 'none') return;
      await facilityTimeZone(session, state.facilityId);
      if (before.facilityId !== state.facilityId) await release(session, before.facilityId, eventId);
      await book(session, eventId, state);
    },
  });
  return getEvent(service.store.pool, service.schema, eventId);
}

export async function cancelEvent(
  service: Scheduling,
  eventId: string,
  reason: string | null,
  context: RpcContext,
) {
  await service.commands.execute({
    streams: [streams.event(eventId)],
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
    run: async (session) => {
      const { state } = await decideOnStream(session, {
        streamId: streams.event(eventId),
        decider: scheduledEventDecider,
        command: { type: 'CancelEvent', reason },
        expectedVersion: context.expectedVersion,
        ifMissing: notFound.event,
      });
      if (state.status !== 'none') await release(session, state.facilityId, eventId);
    },
  });
  return getEvent(service.store.pool, service.schema, eventId);
}

/** Books (or moves) the event in its facility's calendar, freeing the one it leaves. */
async function book(
  session: CommandSession,
  eventId: string,
  { facilityId, startsAt, endsAt }: { facilityId: string; startsAt: string; endsAt: string },
) {
  await decideOnStream(session, {
    streamId: streams.facilityCalendar(facilityId),
    decider: facilityCalendarDecider,
    command: { type: 'BookFacility', facilityId, eventId, startsAt, endsAt },
  });
}

async function release(session: CommandSession, facilityId: string, eventId: string) {
  await decideOnStream(session, {
    streamId: streams.facilityCalendar(facilityId),
    decider: facilityCalendarDecider,
    command: { type: 'ReleaseFacility', facilityId, eventId },
  });
}
