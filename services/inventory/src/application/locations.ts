import { BusinessRuleError, NotFoundError, newId, type RpcContext, type inventory } from '@omni/contracts';
import { executeCommand } from '@omni/event-store';
import { locationDecider } from '../domain/location/decider.js';
import { getLocation } from '../projections/locationList/query.js';
import { metadataFrom, type Inventory } from './context.js';
import { idOfStream } from './products.js';
import { claimUniqueKey } from './unique-keys.js';

export const locationStream = (locationId: string) => `location-${locationId}`;

export async function createLocation(
  inventory: Inventory,
  input: inventory.CreateLocationInput,
  context: RpcContext,
): Promise<inventory.Location> {
  const locationId = newId();
  const { streamId } = await executeCommand(inventory.store, {
    streamId: locationStream(locationId),
    decider: locationDecider,
    command: { type: 'CreateLocation', locationId, code: input.code, name: input.name },
    metadata: metadataFrom(context),
    ...(context.idempotencyKey === undefined ? {} : { idempotencyKey: context.idempotencyKey }),
    project: async (tx, events) => {
      await claimUniqueKey(tx, inventory.schema, {
        kind: 'location_code',
        key: input.code,
        ownerId: locationId,
      });
      await inventory.project(tx, events);
    },
  });
  return getLocation(inventory.pool, inventory.schema, idOfStream(streamId));
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
