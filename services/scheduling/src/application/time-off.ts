import { newId, type RpcContext, type scheduling } from '@omni/contracts';
import { aggregateIdOf, decideOnStream, type CommandSession } from '@omni/event-store';
import { shiftDecider } from '../domain/shift/decider.js';
import { bookedDuring, staffScheduleDecider } from '../domain/staffSchedule/decider.js';
import { timeOffDecider, type TimeOffCommand, type TimeOffState } from '../domain/timeOff/decider.js';
import { getTimeOff } from '../projections/timeOffList/query.js';
import {
  metadataFrom,
  notFound,
  requireSelfOrManager,
  staffMember,
  streams,
  type Scheduling,
} from './context.js';

/** A staff member asks for their own time off; a manager may ask for anyone. */
export async function requestTimeOff(
  service: Scheduling,
  input: scheduling.RequestTimeOffInput,
  context: RpcContext,
) {
  const timeOffId = newId();
  const streamId = streams.timeOff(timeOffId);
  const outcome = await service.commands.execute({
    streams: [streamId, streams.staff(input.staffId)],
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
    run: async (session) => {
      const staff = await staffMember(session, input.staffId);
      requireSelfOrManager(context.actor, staff.userId);
      const { staffId, from, to, reason } = input;
      await decideOnStream(session, {
        streamId,
        decider: timeOffDecider,
        command: { type: 'RequestTimeOff', timeOffId, staffId, staffUserId: staff.userId, from, to, reason },
      });
    },
  });
  return getTimeOff(
    service.store.pool,
    service.schema,
    outcome.replayed ? aggregateIdOf(outcome.streamId) : timeOffId,
  );
}

/**
 * Approving blocks the leave in the staff member's schedule and takes them off every shift inside it
 * that they are only assigned to (each `unassigned` with reason `time_off`, open again), all in one
 * transaction: either all of it happens or none.
 */
export async function approveTimeOff(
  service: Scheduling,
  timeOffId: string,
  reason: string | null,
  context: RpcContext,
) {
  await service.commands.execute({
    streams: [streams.timeOff(timeOffId)],
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
    run: async (session) => {
      const request = await loadTimeOff(session, timeOffId);
      const released = await assignedShiftsDuring(session, request);
      await decideOnStream(session, {
        streamId: streams.staffSchedule(request.staffId),
        decider: staffScheduleDecider,
        command: {
          type: 'BlockLeave',
          staffId: request.staffId,
          timeOffId,
          from: request.from,
          to: request.to,
          releasedShiftIds: released,
        },
      });
      for (const shiftId of released) {
        await decideOnStream(session, {
          streamId: streams.shift(shiftId),
          decider: shiftDecider,
          command: { type: 'UnassignShift', reason: 'time_off' },
        });
      }
      await decideOnTimeOff(
        session,
        timeOffId,
        { type: 'ApproveTimeOff', reason, unassignedShiftIds: released },
        context,
      );
    },
  });
  return getTimeOff(service.store.pool, service.schema, timeOffId);
}

async function assignedShiftsDuring(session: CommandSession, request: Loaded): Promise<string[]> {
  if (request.status !== 'pending') return []; // the decider refuses it
  const { state } = await session.load(streams.staffSchedule(request.staffId), staffScheduleDecider);
  const assigned: string[] = [];
  for (const booking of bookedDuring(state, { startsAt: request.from, endsAt: request.to })) {
    const shift = await session.load(streams.shift(booking.shiftId), shiftDecider);
    if (shift.state.status === 'assigned') assigned.push(booking.shiftId);
  }
  return assigned;
}

export async function rejectTimeOff(
  service: Scheduling,
  timeOffId: string,
  reason: string | null,
  context: RpcContext,
) {
  await service.commands.execute({
    streams: [streams.timeOff(timeOffId)],
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
    run: (session) => decideOnTimeOff(session, timeOffId, { type: 'RejectTimeOff', reason }, context),
  });
  return getTimeOff(service.store.pool, service.schema, timeOffId);
}

/** The requester withdraws their pending request (a manager may too). */
export async function cancelTimeOff(service: Scheduling, timeOffId: string, context: RpcContext) {
  await service.commands.execute({
    streams: [streams.timeOff(timeOffId)],
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
    run: async (session) => {
      const request = await loadTimeOff(session, timeOffId);
      requireSelfOrManager(context.actor, request.staffUserId);
      await decideOnTimeOff(session, timeOffId, { type: 'CancelTimeOff' }, context);
    },
  });
  return getTimeOff(service.store.pool, service.schema, timeOffId);
}

type Loaded = Exclude<TimeOffState, { status: 'none' }>;

async function loadTimeOff(session: CommandSession, timeOffId: string): Promise<Loaded> {
  const { state } = await session.load(streams.timeOff(timeOffId), timeOffDecider);
  if (state.status === 'none') throw notFound.timeOff();
  return state;
}

function decideOnTimeOff(
  session: CommandSession,
  timeOffId: string,
  command: TimeOffCommand,
  context: RpcContext,
) {
  return decideOnStream(session, {
    streamId: streams.timeOff(timeOffId),
    decider: timeOffDecider,
    command,
    expectedVersion: context.expectedVersion,
    ifMissing: notFound.timeOff,
  });
}
