import type { EventMetadata, RpcContext } from '@omni/contracts';
import { currentTraceparent } from './trace-context.js';

/**
 * What the events of a command carry about their cause: the request's correlation id, what caused
 * them (the request, or the event a reaction answers), the active trace and the user.
 */
export function eventMetadataFor(
  context: Pick<RpcContext, 'correlationId' | 'actor'>,
  causationId?: string,
): EventMetadata {
  const traceparent = currentTraceparent();
  return {
    correlationId: context.correlationId,
    causationId: causationId ?? context.correlationId,
    ...(traceparent ? { traceparent } : {}),
    ...(context.actor ? { actorId: context.actor.userId } : {}),
  };
}
