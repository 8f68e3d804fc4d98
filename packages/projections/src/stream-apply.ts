import { isOmniError, parseEvent, type Logger } from '@omni/contracts';
import type { Tx } from '@omni/event-store';
import type { TableNames } from './projection.js';
import type { StreamEvent, StreamProjection } from './stream-projection.js';

/**
 * Parses each event with the contracts' schemas, then folds it. An event whose data breaks its
 * schema is skipped with an error in the log, the same way live and in a rebuild, so the two agree;
 * a read model stuck behind one bad event forever would be worse.
 */
export async function applyStreamEvents(
  tx: Tx,
  projection: StreamProjection,
  batch: readonly StreamEvent[],
  t: TableNames,
  logger: Logger,
): Promise<void> {
  const typed = [];
  for (const { seq, event } of batch) {
    try {
      typed.push(parseEvent(projection.source.events, event));
    } catch (error) {
      if (!isOmniError(error)) throw error;
      logger.error(
        { err: error, seq, type: event.type, projection: projection.name },
        'skipping an unreadable event',
      );
    }
  }
  if (projection.applyBatch) return projection.applyBatch(tx, typed, t);
  for (const event of typed) await projection.apply(tx, event, t);
}
