import { ConflictError } from '@omni/contracts';
import type { Tx } from '@omni/event-store';

/**
 * SKUs and location codes are unique across streams, which no single stream can guarantee. The
 * claim is a row in `unique_keys`, written in the command's transaction: the append and the claim
 * commit together or not at all.
 */
export async function claimUniqueKey(
  tx: Tx,
  schema: string,
  claim: { kind: 'sku' | 'location_code'; key: string; ownerId: string },
): Promise<void> {
  try {
    await tx.query(`INSERT INTO ${schema}.unique_keys (kind, key, owner_id) VALUES ($1, lower($2), $3)`, [
      claim.kind,
      claim.key,
      claim.ownerId,
    ]);
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    const code = claim.kind === 'sku' ? 'duplicate_sku' : 'duplicate_location_code';
    throw new ConflictError(
      code,
      `A ${claim.kind === 'sku' ? 'product with this SKU' : 'location with this code'} already exists`,
      {
        cause: error,
      },
    );
  }
}

export const UNIQUE_KEYS_DDL = (schema: string) => `
  CREATE TABLE IF NOT EXISTS ${schema}.unique_keys (
    kind text NOT NULL,
    key text NOT NULL,
    owner_id uuid NOT NULL,
    PRIMARY KEY (kind, key)
  )`;
