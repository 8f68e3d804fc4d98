import DataLoader from 'dataloader';

/**
 * Batches lookups per event-loop turn: those asked for in one turn go out together at its end
 * (`setImmediate`), so under load one query serves every request or event handled in that turn.
 * The cache is off: each caller sees what was committed before its turn, and nothing is kept.
 */
export function lookUpPerTurn<K, V>(
  batch: DataLoader.BatchLoadFn<K, V>,
  options: { maxBatchSize?: number } = {},
): DataLoader<K, V> {
  return new DataLoader(batch, {
    cache: false,
    batchScheduleFn: (lookUp) => setImmediate(lookUp),
    ...options,
  });
}
