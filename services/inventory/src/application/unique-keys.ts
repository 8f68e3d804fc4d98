import { ConflictError } from '@omni/contracts';
import type { CommandSession } from '@omni/event-store';

const REFUSALS = {
  sku: ['duplicate_sku', 'A product with this SKU already exists'],
  location_code: ['duplicate_location_code', 'A location with this code already exists'],
  vendor_code: ['duplicate_vendor_code', 'A vendor with this code already exists'],
} as const;

/**
 * SKUs and location codes are unique across streams, which no single stream can guarantee. The claim
 * is written in the command's transaction: the append and the claim commit together or not at all.
 */
export async function claimUniqueKey(
  session: CommandSession,
  claim: { kind: keyof typeof REFUSALS; key: string; ownerId: string },
): Promise<void> {
  if (await session.claim(claim.kind, claim.key, claim.ownerId)) return;
  const [code, message] = REFUSALS[claim.kind];
  throw new ConflictError(code, message);
}
