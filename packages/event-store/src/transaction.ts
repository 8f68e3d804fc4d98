import type { Pool, PoolClient } from 'pg';

/** Runs `work` in one transaction on a pooled client: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, work: (tx: PoolClient) => Promise<T>): Promise<T> {
  const tx = await pool.connect();
  try {
    await tx.query('BEGIN');
    const result = await work(tx);
    await tx.query('COMMIT');
    return result;
  } catch (error) {
    await tx.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    tx.release();
  }
}

/**
 * A transaction that first takes a transaction-scoped advisory lock: concurrent starts of a service
 * (several instances, several processes under `npm start`) run their migrations one after the other.
 */
export function withAdvisoryLock<T>(
  pool: Pool,
  lockName: string,
  work: (tx: PoolClient) => Promise<T>,
): Promise<T> {
  return inTransaction(pool, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockName]);
    return work(tx);
  });
}
