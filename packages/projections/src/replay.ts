import type { NatsConnection } from '@nats-io/nats-core';
import { NotFoundError, type Logger } from '@omni/contracts';
import type { EventStore } from '@omni/event-store';
import type { Projection } from './projection.js';
import { rebuildProjections, type RebuildProgress, type RebuildResult } from './rebuild.js';
import type { StreamProjection } from './stream-projection.js';
import { rebuildStreamProjection } from './stream-rebuild.js';

export interface ReplayRequest {
  /** One projection by name; all of the service's projections when absent. */
  readonly projection?: string;
  readonly dryRun?: boolean;
}

/** Every read model of a service: folded from its own log, or from other services' streams. */
export interface ServiceProjections {
  readonly fromLog: readonly Projection[];
  readonly fromStreams: readonly StreamProjection[];
}

export interface ReplayDependencies {
  readonly store: EventStore;
  readonly nats: NatsConnection;
  readonly logger?: Logger;
}

/**
 * `omni replay <service>`: rebuilds the chosen read models while the service serves. The ones fed by
 * the service's own log are rebuilt together in one pass and one swap; each stream-fed one is
 * rebuilt from its source stream, one after the other.
 */
export async function replayProjections(
  { store, nats, logger }: ReplayDependencies,
  projections: ServiceProjections,
  request: ReplayRequest,
  onProgress?: (progress: RebuildProgress) => void,
): Promise<RebuildResult[]> {
  const chosen = <P extends { name: string }>(list: readonly P[]) =>
    request.projection ? list.filter((p) => p.name === request.projection) : list;
  const fromLog = chosen(projections.fromLog);
  const fromStreams = chosen(projections.fromStreams);
  if (fromLog.length + fromStreams.length === 0) {
    const known = [...projections.fromLog, ...projections.fromStreams].map((p) => p.name).join(', ');
    throw new NotFoundError(
      `No projection ${request.projection}; this service has: ${known}`,
      'projection_not_found',
    );
  }
  const options = {
    ...(request.dryRun ? { dryRun: true } : {}),
    ...(onProgress ? { onProgress } : {}),
  };
  const results: RebuildResult[] = [];
  if (fromLog.length) results.push(await rebuildProjections({ store, projections: fromLog, ...options }));
  for (const projection of fromStreams) {
    const context = { pool: store.pool, schema: store.schema, nats, projection, ...options };
    results.push(await rebuildStreamProjection(logger ? { ...context, logger } : context));
  }
  return results;
}
