import { newId, type EventMetadata, type RpcContext, type scheduling } from '@omni/contracts';
import { aggregateIdOf, decideOnStream, type CommandSession } from '@omni/event-store';
import { shiftDecider, type ShiftCommand, type ShiftState } from '../domain/shift/decider.js';
import { staffScheduleDecider } from '../domain/staffSchedule/decider.js';
import { getShift } from '../projections/shiftList/query.js';
import {
  facilityTimeZone,
  metadataFrom,
  notFound,
  requireSelfOrManager,
  staffMember,
  streams,
  type Scheduling,
} from './context.js';

type Placement = { readonly facilityId: string; readonly startsAt: string; readonly endsAt: string };

/**
 * Every shift command decides on the shift's stream and, when it books or frees a staff member's
 * time, on that member's schedule stream in the same transaction: overlap, leave and the weekly
 * limit hold across concurrent commands and replicas (docs/adr/0007-schedules-as-streams.md).
 */
export async function scheduleShift(
  service: Scheduling,
  input: scheduling.ScheduleShiftInput,
  context: RpcContext,
) {
  const shiftId = newId();
  const shift = streams.shift(shiftId);
  const outcome = await service.commands.execute({
    streams: input.staffId
      ? [shift, streams.staffSchedule(input.staffId), streams.staff(input.staffId)]
      : [shift],
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
    run: async (session) => {
      const placement = { facilityId: input.facilityId, startsAt: input.startsAt, endsAt: input.endsAt };
      await facilityTimeZone(session, input.facilityId);
      const command = {
        type: 'ScheduleShift',
        shiftId,
        ...placement,
        position: input.position ?? null,
        notes: input.notes ?? null,
      } as const;
      await decideOnStream(session, { streamId: shift, decider: shiftDecider, command });
      if (input.staffId) await assignInSession(session, shiftId, input.staffId, placement);
    },
  });
  return readShift(service, outcome.replayed ? aggregateIdOf(outcome.streamId) : shiftId);
}

export async function assignShift(
  service: Scheduling,
  shiftId: string,
  staffId: string,
  context: RpcContext,
) {
  await service.commands.execute({
    streams: [streams.shift(shiftId), streams.staffSchedule(staffId), streams.staff(staffId)],
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
    run: async (session) => {
      const shift = await loadShift(session, shiftId);
      await assignInSession(session, shiftId, staffId, shift, context.expectedVersion);
    },
  });
  return readShift(service, shiftId);
}

/** Assigns the shift and books the time in the staff member's schedule, refusing either refuses both. */
async function assignInSession(
  session: CommandSession,
  shiftId: string,
  staffId: string,
  placement: Placement,
  expectedVersion?: number,
) {
  const staff = await staffMember(session, staffId);
  const timezone = await facilityTimeZone(session, placement.facilityId);
  await decideOnStream(session, {
    streamId: streams.shift(shiftId),
    decider: shiftDecider,
    command: { type: 'AssignShift', staffId, staffUserId: staff.userId },
    expectedVersion,
  });
  await decideOnStream(session, {
    streamId: streams.staffSchedule(staffId),
    decider: staffScheduleDecider,
    command: {
      type: 'BookShift',
      staffId,
      shiftId,
      ...placement,
      weeklyMinutesLimit: staff.weeklyMinutesLimit,
      timezone,
    },
  });
}

export function unassignShift(service: Scheduling, shiftId: string, context: RpcContext) {
  return onShiftFreeingStaff(service, shiftId, { type: 'UnassignShift', reason: 'manual' }, context);
}

export function cancelShift(service: Scheduling, shiftId: string, reason: string, context: RpcContext) {
  return onShiftFreeingStaff(service, shiftId, { type: 'CancelShift', reason }, context);
}

async function onShiftFreeingStaff(
  service: Scheduling,
  shiftId: string,
  command: ShiftCommand,
  context: RpcContext,
) {
  await service.commands.execute({
    streams: [streams.shift(shiftId)],
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
    run: async (session) => {
      const before = await loadShift(session, shiftId);
      await decideOnStream(session, {
        streamId: streams.shift(shiftId),
        decider: shiftDecider,
        command,
        expectedVersion: context.expectedVersion,
      });
      if (before.staffId) await releaseInSession(session, before.staffId, shiftId);
    },
  });
  return readShift(service, shiftId);
}

export async function releaseInSession(session: CommandSession, staffId: string, shiftId: string) {
  await decideOnStream(session, {
    streamId: streams.staffSchedule(staffId),
    decider: staffScheduleDecider,
    command: { type: 'ReleaseShift', staffId, shiftId },
  });
}

/** Moves the shift; an assigned one moves in its staff member's schedule too, under the same rules. */
export async function rescheduleShift(
  service: Scheduling,
  shiftId: string,
  input: scheduling.RescheduleShiftInput,
  context: RpcContext,
) {
  await service.commands.execute({
    streams: [streams.shift(shiftId)],
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
    run: async (session) => {
      const { state } = await decideOnStream(session, {
        streamId: streams.shift(shiftId),
        decider: shiftDecider,
        command: { type: 'RescheduleShift', ...input },
        expectedVersion: context.expectedVersion,
        ifMissing: notFound.shift,
      });
      if (state.status === 'none') return;
      const timezone = await facilityTimeZone(session, state.facilityId);
      if (state.status !== 'assigned' || !state.staffId) return;
      const staff = await staffMember(session, state.staffId);
      const { startsAt, endsAt } = state;
      await decideOnStream(session, {
        streamId: streams.staffSchedule(state.staffId),
        decider: staffScheduleDecider,
        command: {
          type: 'BookShift',
          staffId: state.staffId,
          shiftId,
          startsAt,
          endsAt,
          weeklyMinutesLimit: staff.weeklyMinutesLimit,
          timezone,
        },
      });
    },
  });
  return readShift(service, shiftId);
}

/** Clock-in and clock-out: by the assigned staff member's own user, or a manager for them. */
export async function clock(
  service: Scheduling,
  shiftId: string,
  direction: 'ClockIn' | 'ClockOut',
  context: RpcContext,
  now = new Date(),
) {
  await service.commands.execute({
    streams: [streams.shift(shiftId)],
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
    run: async (session) => {
      const shift = await loadShift(session, shiftId);
      requireSelfOrManager(context.actor, shift.staffUserId);
      await decideOnStream(session, {
        streamId: streams.shift(shiftId),
        decider: shiftDecider,
        command: { type: direction, at: now.toISOString() },
        expectedVersion: context.expectedVersion,
      });
    },
  });
  return readShift(service, shiftId);
}

/** A timer's command: decided like any other, so a second firing decides nothing. */
export async function fireShiftTimer(
  service: Scheduling,
  shiftId: string,
  command: Extract<ShiftCommand, { type: 'RemindShift' | 'MarkShiftMissed' }>,
  metadata: EventMetadata,
) {
  await service.commands.execute({
    streams: [streams.shift(shiftId)],
    metadata,
    run: (session) =>
      decideOnStream(session, {
        streamId: streams.shift(shiftId),
        decider: shiftDecider,
        command,
        ifMissing: notFound.shift,
      }),
  });
}

async function loadShift(
  session: CommandSession,
  shiftId: string,
): Promise<Exclude<ShiftState, { status: 'none' }>> {
  const { state } = await session.load(streams.shift(shiftId), shiftDecider);
  if (state.status === 'none') throw notFound.shift();
  return state;
}

const readShift = (service: Scheduling, shiftId: string) =>
  getShift(service.store.pool, service.schema, shiftId);
