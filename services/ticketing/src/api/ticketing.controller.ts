import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PageQuery, parseWith, rpcSubject, type RpcRequest, ticketing as contracts } from '@omni/contracts';
import { z } from 'zod';
import { actorOf, type Ticketing } from '../application/context.js';
import { createIncidentType } from '../application/incident-types.js';
import { assignTicket, commentOnTicket, decideOnTicket, openTicket } from '../application/tickets.js';
import { listIncidentTypes } from '../projections/incidentTypeList/query.js';
import { getTicket, listTickets } from '../projections/ticketDetails/query.js';

export const TICKETING = Symbol('Ticketing');
const rpc = (name: string) => rpcSubject('ticketing', name);
const RPC = contracts.TICKETING_RPC;
const TicketId = z.object({ ticketId: z.uuid() });
const withBody = <S extends z.ZodType>(body: S) => TicketId.extend({ body });

// Request schemas are built once, here: zod compiles an object schema on its first parse, so one
// built per request (`.extend` in the handler) cost more than the parse itself.
const UpdateTicketRequest = withBody(contracts.UpdateTicketInput);
const AssignTicketRequest = withBody(contracts.AssignTicketInput);
const HoldTicketRequest = withBody(contracts.HoldTicketInput);
const ResolveTicketRequest = withBody(contracts.ResolveTicketInput);
const ReopenTicketRequest = withBody(contracts.ReopenTicketInput);
const CancelTicketRequest = withBody(contracts.CancelTicketInput);
const CommentRequest = withBody(contracts.CommentInput);

/**
 * `rpc.ticketing.<name>` handlers, one per name in `TICKETING_RPC`; inputs are parsed again here, the
 * service does not trust the wire. Health and replay come with runEventSourcedService.
 */
@Controller()
export class TicketingController {
  constructor(@Inject(TICKETING) private readonly ticketing: Ticketing) {}

  @MessagePattern(rpc(RPC.openTicket))
  openTicket(@Payload() { input, context }: RpcRequest) {
    return openTicket(this.ticketing, parseWith(contracts.OpenTicketInput, input), context);
  }

  @MessagePattern(rpc(RPC.getTicket))
  getTicket(@Payload() { input, context }: RpcRequest) {
    const { ticketId } = parseWith(TicketId, input);
    return getTicket(this.ticketing.store.pool, this.ticketing.schema, ticketId, actorOf(context));
  }

  @MessagePattern(rpc(RPC.listTickets))
  listTickets(@Payload() { input, context }: RpcRequest) {
    const query = parseWith(contracts.ListTicketsQuery, input);
    return listTickets(this.ticketing.store.pool, this.ticketing.schema, query, actorOf(context));
  }

  @MessagePattern(rpc(RPC.updateTicket))
  updateTicket(@Payload() { input, context }: RpcRequest) {
    const { ticketId, body } = parseWith(UpdateTicketRequest, input);
    const by = actorOf(context);
    return decideOnTicket(
      this.ticketing,
      { type: 'UpdateTicket', ticketId, by, changes: body, sla: this.ticketing.sla },
      context,
    );
  }

  @MessagePattern(rpc(RPC.assignTicket))
  assignTicket(@Payload() { input, context }: RpcRequest) {
    const { ticketId, body } = parseWith(AssignTicketRequest, input);
    return assignTicket(this.ticketing, ticketId, body.staffId, context);
  }

  @MessagePattern(rpc(RPC.startTicket))
  startTicket(@Payload() { input, context }: RpcRequest) {
    const { ticketId } = parseWith(TicketId, input);
    return decideOnTicket(this.ticketing, { type: 'StartTicket', ticketId, by: actorOf(context) }, context);
  }

  @MessagePattern(rpc(RPC.holdTicket))
  holdTicket(@Payload() { input, context }: RpcRequest) {
    const { ticketId, body } = parseWith(HoldTicketRequest, input);
    const command = {
      type: 'HoldTicket',
      ticketId,
      by: actorOf(context),
      reason: body.reason,
      now: now(),
    } as const;
    return decideOnTicket(this.ticketing, command, context);
  }

  @MessagePattern(rpc(RPC.resumeTicket))
  resumeTicket(@Payload() { input, context }: RpcRequest) {
    const { ticketId } = parseWith(TicketId, input);
    return decideOnTicket(
      this.ticketing,
      { type: 'ResumeTicket', ticketId, by: actorOf(context), now: now() },
      context,
    );
  }

  @MessagePattern(rpc(RPC.resolveTicket))
  resolveTicket(@Payload() { input, context }: RpcRequest) {
    const { ticketId, body } = parseWith(ResolveTicketRequest, input);
    const command = {
      type: 'ResolveTicket',
      ticketId,
      by: actorOf(context),
      resolution: body.resolution,
    } as const;
    return decideOnTicket(this.ticketing, command, context);
  }

  @MessagePattern(rpc(RPC.reopenTicket))
  reopenTicket(@Payload() { input, context }: RpcRequest) {
    const { ticketId, body } = parseWith(ReopenTicketRequest, input);
    return decideOnTicket(
      this.ticketing,
      { type: 'ReopenTicket', ticketId, by: actorOf(context), reason: body.reason },
      context,
    );
  }

  @MessagePattern(rpc(RPC.closeTicket))
  closeTicket(@Payload() { input, context }: RpcRequest) {
    const { ticketId } = parseWith(TicketId, input);
    return decideOnTicket(this.ticketing, { type: 'CloseTicket', ticketId, by: actorOf(context) }, context);
  }

  @MessagePattern(rpc(RPC.cancelTicket))
  cancelTicket(@Payload() { input, context }: RpcRequest) {
    const { ticketId, body } = parseWith(CancelTicketRequest, input);
    const command = {
      type: 'CancelTicket',
      ticketId,
      by: actorOf(context),
      reason: body.reason ?? null,
    } as const;
    return decideOnTicket(this.ticketing, command, context);
  }

  @MessagePattern(rpc(RPC.commentOnTicket))
  commentOnTicket(@Payload() { input, context }: RpcRequest) {
    const { ticketId, body } = parseWith(CommentRequest, input);
    return commentOnTicket(this.ticketing, ticketId, body, context);
  }

  @MessagePattern(rpc(RPC.createIncidentType))
  createIncidentType(@Payload() { input, context }: RpcRequest) {
    return createIncidentType(this.ticketing, parseWith(contracts.CreateIncidentTypeInput, input), context);
  }

  @MessagePattern(rpc(RPC.listIncidentTypes))
  listIncidentTypes(@Payload() { input }: RpcRequest) {
    return listIncidentTypes(this.ticketing.store.pool, this.ticketing.schema, parseWith(PageQuery, input));
  }
}

const now = () => new Date().toISOString();
