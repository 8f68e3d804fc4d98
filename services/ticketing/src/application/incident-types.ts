import { ConflictError, newId, type RpcContext, type ticketing } from '@omni/contracts';
import { aggregateIdOf, decideOnStream } from '@omni/event-store';
import { incidentTypeDecider } from '../domain/incidentType/decider.js';
import { getIncidentType } from '../projections/incidentTypeList/query.js';
import { incidentTypeStream, metadataFrom, type Ticketing } from './context.js';

/** Creates an incident type; its code is claimed in the same command, so a duplicate is a 409. */
export async function createIncidentType(
  service: Ticketing,
  input: ticketing.CreateIncidentTypeInput,
  context: RpcContext,
): Promise<ticketing.IncidentType> {
  const id = newId();
  const streamId = incidentTypeStream(id);
  const outcome = await service.commands.execute({
    streams: [streamId],
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
    run: async (session) => {
      if (!(await session.claim('incident-type-code', input.code.toUpperCase(), id))) {
        throw new ConflictError(
          'duplicate_incident_type_code',
          `An incident type with code ${input.code} exists already`,
        );
      }
      return decideOnStream(session, {
        streamId,
        decider: incidentTypeDecider,
        command: { type: 'CreateIncidentType', id, ...input },
      });
    },
  });
  const created = outcome.replayed ? aggregateIdOf(outcome.streamId) : id;
  return getIncidentType(service.store.pool, service.schema, created);
}
