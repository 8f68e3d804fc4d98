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

  /** A workflow move on one ticket: POST /tickets/{id}/<segment>. */
  const move = (
    name: keyof typeof RPC,
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
