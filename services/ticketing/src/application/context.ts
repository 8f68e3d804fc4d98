import {
  UnauthorizedError,
  type Actor,
  type EventMetadata,
  type RpcContext,
  type ticketing,
} from '@omni/contracts';
import { createCommandProcessor, type CommandProcessor, type EventStore } from '@omni/event-store';
import { eventMetadataFor } from '@omni/messaging';
import { inlineProjections } from '@omni/projections';
import { TICKETING_PROJECTIONS } from '../projections/index.js';

export interface Ticketing {
  readonly store: EventStore;
  readonly schema: string;
  /** Runs every ticketing command: per-stream order, group commit, the read models inline. */
  readonly commands: CommandProcessor;
  /** Minutes to resolve by priority (TICKET_SLA_MINUTES). */
  readonly sla: ticketing.SlaPolicy;
}

export function createTicketing(store: EventStore, sla: ticketing.SlaPolicy): Ticketing {
  return {
    store,
    schema: store.schema,
    sla,
    commands: createCommandProcessor({
      store,
      project: inlineProjections(store.schema, TICKETING_PROJECTIONS),
    }),
  };
}

export const ticketStream = (ticketId: string) => `ticket-${ticketId}`;
export const counterStream = (kind: ticketing.TicketKind) => `ticketcounter-${kind}`;
export const incidentTypeStream = (id: string) => `incidenttype-${id}`;

export const metadataFrom = (context: RpcContext): EventMetadata => eventMetadataFor(context);

/** Every ticketing RPC but the SLA timer's acts for a signed-in user: rights depend on who it is. */
export function actorOf(context: RpcContext): Actor {
  if (!context.actor) throw new UnauthorizedError('Ticketing needs to know who is asking');
  return context.actor;
}
