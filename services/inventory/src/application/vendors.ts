import { BusinessRuleError, NotFoundError, newId, type RpcContext, type inventory } from '@omni/contracts';
import { aggregateIdOf, decideOnStream, streamCommand } from '@omni/event-store';
import { vendorDecider } from '../domain/vendor/decider.js';
import { getVendor } from '../projections/vendorList/query.js';
import { metadataFrom, type Inventory } from './context.js';
import { claimUniqueKey } from './unique-keys.js';

export const vendorStream = (vendorId: string) => `vendor-${vendorId}`;

export async function createVendor(
  inventory: Inventory,
  input: inventory.CreateVendorInput,
  context: RpcContext,
): Promise<inventory.Vendor> {
  const vendorId = newId();
  const streamId = vendorStream(vendorId);
  const outcome = await inventory.commands.execute({
    streams: [streamId],
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
    async run(session) {
      await claimUniqueKey(session, { kind: 'vendor_code', key: input.code, ownerId: vendorId });
      const command = { type: 'CreateVendor', vendorId, code: input.code, name: input.name } as const;
      return decideOnStream(session, { streamId, decider: vendorDecider, command });
    },
  });
  const created = outcome.replayed ? aggregateIdOf(outcome.streamId) : vendorId;
  return getVendor(inventory.pool, inventory.schema, created);
}

/** Renames a vendor (its code stays): a 404 when there is none, a 412 when If-Match does not match. */
export async function updateVendor(
  inventory: Inventory,
  vendorId: string,
  changes: inventory.UpdateVendorInput,
  context: RpcContext,
): Promise<inventory.Vendor> {
  await inventory.commands.execute(
    streamCommand({
      streamId: vendorStream(vendorId),
      decider: vendorDecider,
      command: { type: 'UpdateVendor', vendorId, changes },
      ifMissing: () => new NotFoundError('Vendor not found', 'vendor_not_found'),
      expectedVersion: context.expectedVersion,
      metadata: metadataFrom(context),
      idempotencyKey: context.idempotencyKey,
    }),
  );
  return getVendor(inventory.pool, inventory.schema, vendorId);
}

/** A product can only belong to a vendor that exists: an unknown one is a refused command (422). */
export async function requireVendor(
  inventory: Inventory,
  vendorId: string | null | undefined,
): Promise<void> {
  if (!vendorId) return;
  try {
    await getVendor(inventory.pool, inventory.schema, vendorId);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    throw new BusinessRuleError('unknown_vendor', `There is no vendor ${vendorId}`, { cause: error });
  }
}
