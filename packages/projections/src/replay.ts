import { NotFoundError } from '@omni/contracts';
import type { EventStore } from '@omni/event-store';
import type { Projection } from './projection.js';
import { rebuildProjections, type RebuildProgress, type RebuildResult } from './rebuild.js';

export interface ReplayRequest {
  /** One projection by name; all of the service's projections when absent. */
  readonly projection?: string;
  readonly dryRun?: boolean;
}

/** `omni replay <service>`: rebuilds the chosen read models one after the other, while the service serves. */
export async function replayProjections(
  store: EventStore,
  projections: readonly Projection[],
  request: ReplayRequest,
  onProgress?: (progress: RebuildProgress) => void,
): Promise<RebuildResult[]> {
  const chosen = request.projection ? projections.filter((p) => p.name === request.projection) : projections;
  if (chosen.length === 0) {
    const known = projections.map((p) => p.name).join(', ');
    throw new NotFoundError(
      `No projection ${request.projection}; this service has: ${known}`,
      'projection_not_found',
    );
  }
  // One pass over the log for all of them, and one swap.
  const result = await rebuildProjections({
    store,
    projections: chosen,
    ...(request.dryRun ? { dryRun: true } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  return [result];
}
