import { newId, type RpcContext, type scheduling } from '@omni/contracts';
import { aggregateIdOf, streamCommand } from '@omni/event-store';
import { staffDecider } from '../domain/staff/decider.js';
import { getStaff } from '../projections/staffList/query.js';
import { metadataFrom, notFound, streams, type Scheduling } from './context.js';

export async function registerStaff(
  service: Scheduling,
  input: scheduling.RegisterStaffInput,
  context: RpcContext,
) {
  const staffId = newId();
  const outcome = await service.commands.execute(
    streamCommand({
      streamId: streams.staff(staffId),
      decider: staffDecider,
      command: {
        type: 'RegisterStaff',
        staffId,
        name: input.name,
        email: input.email,
        userId: input.userId ?? null,
        skills: input.skills ?? [],
        weeklyMinutesLimit: input.weeklyMinutesLimit ?? null,
      },
      metadata: metadataFrom(context),
      idempotencyKey: context.idempotencyKey,
    }),
  );
  return getStaff(
    service.store.pool,
    service.schema,
    outcome.replayed ? aggregateIdOf(outcome.streamId) : staffId,
  );
}

export async function updateStaff(
  service: Scheduling,
  staffId: string,
  input: scheduling.UpdateStaffInput,
  context: RpcContext,
) {
  await service.commands.execute(
    streamCommand({
      streamId: streams.staff(staffId),
      decider: staffDecider,
      command: { type: 'UpdateStaff', ...input },
      ifMissing: notFound.staff,
      expectedVersion: context.expectedVersion,
      metadata: metadataFrom(context),
      idempotencyKey: context.idempotencyKey,
    }),
  );
  return getStaff(service.store.pool, service.schema, staffId);
}
