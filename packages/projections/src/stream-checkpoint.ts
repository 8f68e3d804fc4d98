import { prepared, type Tx } from '@omni/event-store';

/** 0 when the projection has applied nothing yet (stream sequences start at 1). */
export async function readStreamCheckpoint(tx: Tx, schema: string, name: string): Promise<number> {
  const { rows } = await tx.query<{ stream_sequence: string }>(
    prepared(`SELECT stream_sequence FROM ${schema}.stream_checkpoints WHERE name = $1`, [name]),
  );
  return rows[0] ? Number(rows[0].stream_sequence) : 0;
}

/**
 * Moves the checkpoint forward to `seq`, in the transaction that wrote the rows up to it. False when
 * it already was there or beyond: another instance applied the same events first, and the caller
 * must roll back so they are not applied twice.
 */
export async function advanceStreamCheckpoint(
  tx: Tx,
  schema: string,
  name: string,
  seq: number,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    prepared(
      `INSERT INTO ${schema}.stream_checkpoints (name, stream_sequence) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET stream_sequence = excluded.stream_sequence, updated_at = now()
         WHERE ${schema}.stream_checkpoints.stream_sequence < excluded.stream_sequence`,
      [name, seq],
    ),
  );
  return rowCount === 1;
}

/**
 * Moves the checkpoint from `from` to `to` in the transaction that wrote the rows up to it. False
 * when it is not at `from` (another instance or a rebuild moved it, or it was never written): the
 * caller rolls back and takes the slower way, reading the checkpoint first.
 */
export async function moveStreamCheckpoint(
  tx: Tx,
  schema: string,
  name: string,
  from: number,
  to: number,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    prepared(
      `UPDATE ${schema}.stream_checkpoints SET stream_sequence = $3, updated_at = now()
        WHERE name = $1 AND stream_sequence = $2`,
      [name, from, to],
    ),
  );
  return rowCount === 1;
}
