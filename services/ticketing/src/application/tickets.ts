import {
  BusinessRuleError,
  NotFoundError,
  ValidationError,
  newId,
  type EventMetadata,
  type RpcContext,
  type ticketing,
} from '@omni/contracts';
import { aggregateIdOf, decideOnStream, streamCommand } from '@omni/event-store';
import { ticketDecider, type TicketCommand } from '../domain/ticket/decider.js';
import { ticketCounterDecider, ticketNumber } from '../domain/ticketCounter/decider.js';
import { getIncidentType } from '../projections/incidentTypeList/query.js';
import { knownStaff } from '../projections/staffView/projection.js';
import { getTicket } from '../projections/ticketDetails/query.js';
import { actorOf, counterStream, metadataFrom, ticketStream, type Ticketing } from './context.js';

const ticketNotFound = () => new NotFoundError('There is no such ticket', 'ticket_not_found');

/**
 * Opens a ticket and draws its number in one command: the kind's counter stream and the ticket's
 * stream are locked, decided and committed together, so a number exists only with its ticket (no
 * gap when a command fails, no duplicate across replicas).
 */
export async function openTicket(service: Ticketing, input: ticketing.OpenTicketInput, context: RpcContext) {
  const by = actorOf(context);
  const priority = await priorityOf(service, input);
  const ticketId = newId();
  const streamId = ticketStream(ticketId);
  const counter = counterStream(input.kind);
  const outcome = await service.commands.execute({
    streams: [streamId, counter],
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
    run: async (session) => {
      const drawn = await decideOnStream(session, {
        streamId: counter,
        decider: ticketCounterDecider,
        command: { type: 'DrawNumber', kind: input.kind, ticketId },
      });
      await decideOnStream(session, {
        streamId,
        decider: ticketDecider,
        command: {
          type: 'OpenTicket',
          ticketId,
          by,
          sla: service.sla,
          now: new Date().toISOString(),
          number: ticketNumber(input.kind, drawn.state.last),
          kind: input.kind,
          title: input.title,
          description: input.description,
          priority,
          incidentTypeId: input.incidentTypeId ?? null,
          facilityId: input.facilityId ?? null,
          productId: input.productId ?? null,
        },
      });
    },
  });
  // A repeated Idempotency-Key answers with the ticket its first run opened.
  const opened = outcome.replayed ? aggregateIdOf(outcome.streamId) : ticketId;
  return getTicket(service.store.pool, service.schema, opened, by);
}

/** The given priority, else the incident type's default; incident types belong to incidents only. */
async function priorityOf(
  service: Ticketing,
  input: ticketing.OpenTicketInput,
): Promise<ticketing.TicketPriority> {
  if (input.incidentTypeId !== undefined && input.kind !== 'incident') {
    throw new ValidationError('Only incidents have an incident type', [
      { path: 'incidentTypeId', message: 'only for kind incident' },
    ]);
  }
  if (input.priority) return input.priority;
  if (input.incidentTypeId === undefined) {
    throw new ValidationError('A priority is required', [
      { path: 'priority', message: 'required unless an incident names an incidentTypeId' },
    ]);
  }
  const type = await getIncidentType(service.store.pool, service.schema, input.incidentTypeId).catch(() => {
    throw new BusinessRuleError('unknown_incident_type', 'There is no such incident type');
  });
  return type.defaultPriority;
}

/** Runs one command on an existing ticket and answers with the ticket as its caller now sees it. */
export async function decideOnTicket(service: Ticketing, command: TicketCommand, context: RpcContext) {
  await service.commands.execute(
    streamCommand({
      streamId: ticketStream(command.ticketId),
      decider: ticketDecider,
      command,
      ifMissing: ticketNotFound,
      expectedVersion: context.expectedVersion,
      metadata: metadataFrom(context),
      idempotencyKey: context.idempotencyKey,
    }),
  );
  return getTicket(service.store.pool, service.schema, command.ticketId, actorOf(context));
}

/** Assigns a staff member known from scheduling's events (ticketing's staff view); else 422 unknown_staff. */
export async function assignTicket(
  service: Ticketing,
  ticketId: string,
  staffId: string,
  context: RpcContext,
) {
  const by = actorOf(context);
  const streamId = ticketStream(ticketId);
  await service.commands.execute({
    streams: [streamId],
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
    run: async (session) => {
      if ((await session.load(streamId, ticketDecider)).version === 0) throw ticketNotFound();
      const assignee = await knownStaff(session.tx, service.schema, staffId);
      if (!assignee)
        throw new BusinessRuleError('unknown_staff', 'There is no such staff member in scheduling');
      return decideOnStream(session, {
        streamId,
        decider: ticketDecider,
        command: { type: 'AssignTicket', ticketId, by, assignee },
        expectedVersion: context.expectedVersion,
      });
    },
  });
  return getTicket(service.store.pool, service.schema, ticketId, by);
}

export const commentOnTicket = (
  service: Ticketing,
  ticketId: string,
  input: { body: string; internal?: boolean | undefined },
  context: RpcContext,
) =>
  decideOnTicket(
    service,
    {
      type: 'CommentOnTicket',
      ticketId,
      by: actorOf(context),
      commentId: newId(),
      body: input.body,
      internal: input.internal ?? false,
    },
    context,
  );

/** The SLA timer's command: no user, its own causation, decides nothing unless the ticket is past due. */
export async function breachSla(service: Ticketing, ticketId: string): Promise<void> {
  const metadata: EventMetadata = { correlationId: ticketId, causationId: `sla-breach:${ticketId}` };
  await service.commands.execute(
    streamCommand({
      streamId: ticketStream(ticketId),
      decider: ticketDecider,
      command: { type: 'BreachSla', ticketId, now: new Date().toISOString() },
      ifMissing: ticketNotFound,
      metadata,
    }),
  );
}
