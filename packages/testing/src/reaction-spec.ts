/**
 * given/when/then for reactions to other services' events, like the deciders' specs: no NATS, no
 * database. The event's data is parsed with the reaction's schemas first, so a spec whose event
 * breaks the contract fails as the consumer would.
 *
 *   whenEvent(reactToOrders, 'orders.order.cancelled', { orderId, reason, paid })
 *     .then([{ type: 'ReleaseReservation', orderId }]);
 */
import { newId, parseEvent, toCloudEvent, type EventDataSchemas, type TypedEvent } from '@omni/contracts';
import type { z } from 'zod';

/** What a spec needs of a reaction (`Reaction` in @omni/service-kit). */
export interface ReactionUnderTest<M extends EventDataSchemas, Command> {
  readonly source: { readonly events: M };
  react(event: TypedEvent<M>): readonly Command[];
}

export function whenEvent<M extends EventDataSchemas, Command, T extends keyof M & string>(
  reaction: ReactionUnderTest<M, Command>,
  type: T,
  data: z.input<M[T]>,
) {
  const commands = reaction.react(parseEvent(reaction.source.events, cloudEventOf(type, data)));
  return {
    commands,
    then(expected: readonly Command[]) {
      expect(commands).toEqual(expected);
    },
  };
}

/** A CloudEvent as the relay publishes it, for specs of code fed by other services' streams. */
export function cloudEventOf(type: string, data: unknown, streamVersion = 1) {
  const [service, aggregate, eventType] = type.split('.') as [string, string, string];
  return toCloudEvent({
    eventId: newId(),
    service,
    aggregate,
    aggregateId: newId(),
    eventType,
    data: data as Record<string, unknown>,
    streamVersion,
    recordedAt: new Date(),
    metadata: { correlationId: newId(), causationId: newId() },
  });
}
