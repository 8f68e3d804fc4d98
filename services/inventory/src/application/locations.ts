import { BusinessRuleError, NotFoundError, newId, type RpcContext, type inventory } from '@omni/contracts';
import { aggregateIdOf, decideOnStream } from '@omni/event-store';
import { locationDecider } from '../domain/location/decider.js';
import { getLocation } from '../projections/locationList/query.js';
import { metadataFrom, type Inventory } from './context.js';
import { claimUniqueKey } from './unique-keys.js';

export const locationStream = (locationId: string) => `location-${locationId}`;

export async function createLocation(
  inventory: Inventory,
  input: inventory.CreateLocationInput,
  context: RpcContext,
): Promise<inventory.Location> {
  const locationId = newId();
  const streamId = locationStream(locationId);
  const outcome = await inventory.commands.execute({
    streams: [streamId],
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
    async run(session) {
      await claimUniqueKey(session, { kind: 'location_code', key: input.code, ownerId: locationId });
      const command = { type: 'CreateLocation', locationId, code: input.code, name: input.name } as const;
      return decideOnStream(session, { streamId, decider: locationDecider, command });
    },
  });
  // A repeated Idempotency-Key answers with the location its first run created.
  const created = outcome.replayed ? aggregateIdOf(outcome.streamId) : locationId;
  return getLocation(inventory.pool, inventory.schema, created);
}

/** Stock can only move at a location that exists: an unknown one is a refused command (422). */
export async function requireLocation(inventory: Inventory, locationId: string): Promise<void> {
  if (inventory.knownLocations.has(locationId)) return;
  try {
    await getLocation(inventory.pool, inventory.schema, locationId);
    inventory.knownLocations.add(locationId);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    throw new BusinessRuleError('unknown_location', `There is no location ${locationId}`, { cause: error });
  }
}
