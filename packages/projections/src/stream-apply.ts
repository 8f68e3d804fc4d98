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
  for (const { seq, event } of batch) {
    let typed;
    try {
      typed = parseEvent(projection.source.events, event);
    } catch (error) {
      if (!isOmniError(error)) throw error;
      logger.error(
        { err: error, seq, type: event.type, projection: projection.name },
        'skipping an unreadable event',
      );
      continue;
    }
    await projection.apply(tx, typed, t);
  }
}
