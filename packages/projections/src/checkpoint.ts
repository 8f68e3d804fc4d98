import { START, type Position, type Tx } from '@omni/event-store';

export async function readCheckpoint(tx: Tx, schema: string, name: string): Promise<Position> {
  const { rows } = await tx.query<{ transaction_id: string; global_position: string }>(
    `SELECT transaction_id::text, global_position FROM ${schema}.projection_checkpoints WHERE name = $1`,
    [name],
  );
  const row = rows[0];
  return row
    ? { transactionId: BigInt(row.transaction_id), globalPosition: BigInt(row.global_position) }
    : START;
}

/** Written in the same transaction as the read model, so the two never disagree after a crash. */
export async function writeCheckpoint(
  tx: Tx,
  schema: string,
  name: string,
  position: Position,
): Promise<void> {
  await tx.query(
    `INSERT INTO ${schema}.projection_checkpoints (name, transaction_id, global_position) VALUES ($1, $2::text::xid8, $3)
     ON CONFLICT (name) DO UPDATE SET transaction_id = excluded.transaction_id,
       global_position = excluded.global_position, updated_at = now()`,
    [name, position.transactionId.toString(), position.globalPosition.toString()],
  );
}
