import { PageQuery, ticketing } from '@omni/contracts';
import type { RpcClient } from '@omni/messaging';
import { z } from 'zod';
import { defineRoute, type RouteCall, type RouteSpec } from '../http/route.js';
import { forwarderTo } from './forward.js';

const RPC = ticketing.TICKETING_RPC;
const TicketPath = z.object({ ticketId: z.uuid() });
const invalidTransition = { status: 409, code: 'invalid_transition' } as const;

/**
 * Ticketing (docs/ticketing.md). Each route forwards its validated input to `rpc.ticketing.<name>`
 * with the caller as `actor`: ticketing decides which tickets a user sees and which moves are theirs.
 */
export function ticketsRoutes(rpc: RpcClient): RouteSpec[] {
  const forward = forwarderTo(rpc, 'ticketing');
  const withTicket = (call: RouteCall<{ ticketId: string }>) => ({
    ticketId: call.params.ticketId,
    body: call.body ?? {},
  });

  /** What each workflow move does and refuses, for the OpenAPI document. */
  const MOVE_DESCRIPTIONS = {
    assignTicket:
      'Assigns a ticket to a staff member known from scheduling (else 422 `unknown_staff`); it moves to `assigned`. A move the workflow does not allow from the current status is 409 `invalid_transition`.',
    startTicket:
      'Starts work: `assigned` → `in_progress`, by its assignee, admin or manager. Any other status is 409 `invalid_transition`.',
    holdTicket:
      'Puts a ticket in progress on hold with a reason. The SLA clock stops while it is held. Any other status is 409 `invalid_transition`.',
    resumeTicket:
      'Resumes a held ticket: back to `in_progress`, and `slaDueAt` moves later by the time it was held. Any other status is 409 `invalid_transition`.',
    resolveTicket:
      'Resolves a ticket in progress with a resolution; its SLA is met if this happens before `slaDueAt`. Any other status is 409 `invalid_transition`.',
    reopenTicket:
      'Reopens a resolved ticket with a reason: back to `in_progress`. Any other status is 409 `invalid_transition`.',
    closeTicket: 'Closes a resolved ticket for good. Any other status is 409 `invalid_transition`.',
    cancelTicket:
      'Cancels a ticket that is not resolved yet, by its reporter, admin or manager. A resolved or closed ticket is 409 `invalid_transition`.',
  } satisfies Partial<Record<keyof typeof RPC, string>>;

  /** A workflow move on one ticket: POST /tickets/{id}/<segment>. */
  const move = (
    name: keyof typeof MOVE_DESCRIPTIONS,
    segment: string,
    summary: string,
    body: z.ZodType | undefined,
    refusals: { status: number; code: string }[] = [invalidTransition],
  ): RouteSpec =>
    defineRoute({
      operationId: `${name}`,
      method: 'post',
      path: `/tickets/:ticketId/${segment}`,
      tag: 'tickets',
      summary,
      description: MOVE_DESCRIPTIONS[name],
      access: name === 'assignTicket' ? 'tickets.assign' : 'tickets.use',
      params: TicketPath,
      ...(body ? { body } : {}),
      response: ticketing.Ticket,
      status: 200,
      idempotent: true,
      ifMatch: true,
      refusals,
      handle: forward(RPC[name], withTicket),
    });

  return [
    // Before /tickets/:ticketId, so the path is not read as a ticket id.
    defineRoute({
      operationId: 'createIncidentType',
      method: 'post',
      path: '/tickets/incident-types',
      tag: 'tickets',
      summary: 'Create an incident type with the priority its incidents get by default',
      access: 'tickets.manageTypes',
      description:
        'A kind of incident (e.g. a broken till) with the priority its incidents get when they name it and omit `priority`. Its `code` is unique: a second one is 409 `duplicate_incident_type_code`.',
      body: ticketing.CreateIncidentTypeInput,
      response: ticketing.IncidentType,
      status: 201,
      idempotent: true,
      refusals: [{ status: 409, code: 'duplicate_incident_type_code' }],
      handle: forward(RPC.createIncidentType, ({ body }) => body),
    }),
    defineRoute({
      operationId: 'listIncidentTypes',
      method: 'get',
      path: '/tickets/incident-types',
      tag: 'tickets',
      summary: 'List incident types by code',
      access: 'tickets.use',
      description: 'Every incident type, ordered by code, to offer when opening an incident.',
      query: PageQuery,
      response: ticketing.IncidentTypePage,
      status: 200,
      handle: forward(RPC.listIncidentTypes, ({ query }) => query),
    }),
    defineRoute({
      operationId: 'openTicket',
      method: 'post',
      path: '/tickets',
      tag: 'tickets',
      summary: 'Open an incident (INC-n) or service ticket (SRV-n); its SLA clock starts',
      access: 'tickets.use',
      description:
        'Opens a ticket with status `open`, numbered `INC-n` for incidents and `SRV-n` for service tickets: consecutive, without gaps or duplicates even when opened concurrently. `slaDueAt` is the opening time plus the SLA of its priority. An unknown incident type is 422 `unknown_incident_type`.',
      body: ticketing.OpenTicketInput,
      response: ticketing.Ticket,
      status: 201,
      idempotent: true,
      refusals: [{ status: 422, code: 'unknown_incident_type' }],
      handle: forward(RPC.openTicket, ({ body }) => body),
    }),
    defineRoute({
      operationId: 'listTickets',
      method: 'get',
      path: '/tickets',
      tag: 'tickets',
      summary:
        'List tickets newest first: all of them for admin, manager, clerk; for others those they reported or are assigned to',
      access: 'tickets.use',
      description:
        'Tickets, newest first, a page at a time, filtered by status, kind, priority, assignee, facility, breached SLA or text (`q`). Admin, manager and clerk see every ticket; everyone else only the tickets they reported or are assigned to.',
      query: ticketing.ListTicketsQuery,
      response: ticketing.TicketPage,
      status: 200,
      handle: forward(RPC.listTickets, ({ query }) => query),
    }),
    defineRoute({
      operationId: 'getTicket',
      method: 'get',
      path: '/tickets/:ticketId',
      tag: 'tickets',
      summary: 'A ticket with its history and the comments the caller may read',
      access: 'tickets.use',
      description:
        'One ticket with every transition (status, when, by whom, why) and its comments; internal comments are left out for those who may not read them. A ticket the caller may not see is 404.',
      params: TicketPath,
      response: ticketing.Ticket,
      status: 200,
      handle: forward(RPC.getTicket, ({ params }) => params),
    }),
    defineRoute({
      operationId: 'updateTicket',
      method: 'patch',
      path: '/tickets/:ticketId',
      tag: 'tickets',
      summary: 'Change title, description or priority (a new priority recomputes slaDueAt from the opening)',
      access: 'tickets.use',
      description:
        'Changes title, description or priority: the reporter while it is `open`, its assignee, admin or manager until it is resolved (else 403). A new priority recomputes `slaDueAt` from the opening time. With `If-Match`, a ticket changed since you read it is 412.',
      params: TicketPath,
      body: ticketing.UpdateTicketInput,
      response: ticketing.Ticket,
      status: 200,
      ifMatch: true,
      refusals: [invalidTransition],
      handle: forward(RPC.updateTicket, withTicket),
    }),
    defineRoute({
      operationId: 'commentOnTicket',
      method: 'post',
      path: '/tickets/:ticketId/comments',
      tag: 'tickets',
      summary: 'Comment on a ticket; internal comments are for admin, manager and the assignee',
      access: 'tickets.use',
      description:
        'Adds a comment. `internal: true` hides it from everyone but admin, manager and the assignee. Anyone who may see the ticket may comment.',
      params: TicketPath,
      body: ticketing.CommentInput,
      response: ticketing.Ticket,
      status: 201,
      idempotent: true,
      handle: forward(RPC.commentOnTicket, withTicket),
    }),
    move(
      'assignTicket',
      'assign',
      'Assign a staff member known from scheduling',
      ticketing.AssignTicketInput,
      [invalidTransition, { status: 422, code: 'unknown_staff' }],
    ),
    move(
      'startTicket',
      'start',
      'Start work on an assigned ticket (its assignee, admin, manager)',
      undefined,
    ),
    move('holdTicket', 'hold', 'Put a ticket on hold: its SLA clock stops', ticketing.HoldTicketInput),
    move('resumeTicket', 'resume', 'Resume a held ticket: slaDueAt moves later by the time held', undefined),
    move('resolveTicket', 'resolve', 'Resolve a ticket in progress', ticketing.ResolveTicketInput),
    move(
      'reopenTicket',
      'reopen',
      'Reopen a resolved ticket (back to in_progress)',
      ticketing.ReopenTicketInput,
    ),
    move('closeTicket', 'close', 'Close a resolved ticket', undefined),
    move(
      'cancelTicket',
      'cancel',
      'Cancel a ticket before it is resolved (its reporter, admin, manager)',
      ticketing.CancelTicketInput.optional(),
    ),
  ];
}
