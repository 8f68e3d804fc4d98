import {
  PreconditionFailedError,
  type Decider,
  type DomainEvent,
  type EventMetadata,
  type OmniError,
} from '@omni/contracts';
import type { Command, CommandSession } from './command-processor.js';
import { resourceOf } from './errors.js';
import type { StreamId } from './types.js';

export interface DecideOnStream<C, E extends DomainEvent, S> {
  readonly streamId: StreamId;
  readonly decider: Decider<C, E, S, unknown>;
  readonly command: C;
  /** From HTTP If-Match: refuse with 412 unless the stream is at exactly this version. */
  readonly expectedVersion?: number | undefined;
  /** For commands on an aggregate that must exist already: the refusal (a 404) when it does not. */
  readonly ifMissing?: () => OmniError;
}

export interface Decided<E, S> {
  readonly events: readonly E[];
  readonly state: S;
  readonly version: number;
}

/**
 * Load → check → decide → append for one stream, inside a command. A refusal from `decide` is thrown
 * as it is, which refuses this command alone.
 */
export async function decideOnStream<C, E extends DomainEvent, S>(
  session: CommandSession,
  { streamId, decider, command, expectedVersion, ifMissing }: DecideOnStream<C, E, S>,
): Promise<Decided<E, S>> {
  const { state, version } = await session.load(streamId, decider);
  if (ifMissing && version === 0) throw ifMissing();
  if (expectedVersion !== undefined && expectedVersion !== version) {
    throw new PreconditionFailedError(
      `The ${resourceOf(streamId)} is at version ${version}, not ${expectedVersion} (If-Match): read it again and retry`,
    );
  }
  const decided = decider.decide(command, state);
  if (!Array.isArray(decided)) throw decided;
  const events = decided as readonly E[];
  session.append(streamId, events);
  return { events, state: events.reduce(decider.evolve, state), version: version + events.length };
}

/** The common command: one decider on one stream, with the request's metadata and idempotency key. */
export function streamCommand<C, E extends DomainEvent, S>(
  options: DecideOnStream<C, E, S> & {
    readonly metadata: EventMetadata;
    readonly idempotencyKey?: string | undefined;
  },
): Command<Decided<E, S>> {
  return {
    streams: [options.streamId],
    metadata: options.metadata,
    idempotencyKey: options.idempotencyKey,
    run: (session) => decideOnStream(session, options),
  };
}

/** The aggregate id in a stream id (`product-<id>` → `<id>`). */
export function aggregateIdOf(streamId: StreamId): string {
  return streamId.slice(streamId.indexOf('-') + 1);
}
