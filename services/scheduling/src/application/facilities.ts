import { ConflictError, newId, type RpcContext, type scheduling } from '@omni/contracts';
import { aggregateIdOf, decideOnStream, streamCommand } from '@omni/event-store';
import { facilityDecider } from '../domain/facility/decider.js';
import { getFacility } from '../projections/facilityList/query.js';
import { metadataFrom, notFound, streams, type Scheduling } from './context.js';

export async function createFacility(
  service: Scheduling,
  input: scheduling.CreateFacilityInput,
  context: RpcContext,
) {
  const facilityId = newId();
  const streamId = streams.facility(facilityId);
  const outcome = await service.commands.execute({
    streams: [streamId],
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
    run: async (session) => {
      // Codes are unique across facilities, which no single stream can guarantee: a claim can.
      if (!(await session.claim('facility_code', input.code, facilityId)))
        throw new ConflictError('duplicate_facility_code', 'A facility with this code already exists');
      return decideOnStream(session, {
        streamId,
        decider: facilityDecider,
        command: { type: 'CreateFacility', facilityId, ...input },
      });
    },
  });
  return getFacility(
    service.store.pool,
    service.schema,
    outcome.replayed ? aggregateIdOf(outcome.streamId) : facilityId,
  );
}

export async function updateFacility(
  service: Scheduling,
  facilityId: string,
  input: scheduling.UpdateFacilityInput,
  context: RpcContext,
) {
  await service.commands.execute(
    streamCommand({
      streamId: streams.facility(facilityId),
      decider: facilityDecider,
      command: { type: 'UpdateFacility', ...input },
      ifMissing: notFound.facility,
      expectedVersion: context.expectedVersion,
      metadata: metadataFrom(context),
      idempotencyKey: context.idempotencyKey,
    }),
  );
  return getFacility(service.store.pool, service.schema, facilityId);
}
