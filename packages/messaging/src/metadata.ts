import type { CloudEvent, EventMetadata, RpcContext } from '@omni/contracts';
import { currentTraceparent } from './trace-context.js';

/**
 * What the events of a command carry about their cause: the request's correlation id, what caused
 * them (the request, or the event a reaction answers), the active trace and the user.
 */
export function eventMetadataFor(
  context: Pick<RpcContext, 'correlationId' | 'actor'> & { readonly causationId?: string },
  causationId?: string,
): EventMetadata {
  const traceparent = currentTraceparent();
  return {
    correlationId: context.correlationId,
    causationId: causationId ?? context.causationId ?? context.correlationId,
    ...(traceparent ? { traceparent } : {}),
    ...(context.actor ? { actorId: context.actor.userId } : {}),
  };
}

/**
 * The metadata of events a reaction writes in answer to another service's event: caused by that
 * event, in its correlation, in its trace. No actor: no user asked for them (docs/events.md).
 */
export function causedBy(event: Pick<CloudEvent, 'id' | 'correlationid' | 'traceparent'>): EventMetadata {
  const traceparent = currentTraceparent() ?? event.traceparent;
  return {
    correlationId: event.correlationid,
    causationId: event.id,
    ...(traceparent ? { traceparent } : {}),
  };
}

/**
 * `causedBy` for application functions that still take an RPC context: `eventMetadataFor` keeps its
 * `causationId`. The context has no actor, for the same reason.
 */
export function reactionContext(event: Pick<CloudEvent, 'id' | 'correlationid'>): RpcContext & {
  readonly causationId: string;
} {
  return { correlationId: event.correlationid, causationId: event.id };
}
