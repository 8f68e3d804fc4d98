/** Ticketing's public language (docs/ticketing.md, docs/events.md). */
import { z } from 'zod';
import { PageQuery, page } from './pagination.js';
import type { Actor, Role } from './rpc.js';
import {
  TicketKind,
  TicketPriority,
  TicketStatus,
  type TicketPriority as Priority,
} from './events/ticketing.js';

// Events: schemas of every event's data, with kinds, priorities and statuses, in events/ticketing.ts.
export * from './events/ticketing.js';

const text = (max: number) => z.string().trim().min(1).max(max);

export const OpenTicketInput = z
  .object({
    kind: TicketKind,
    title: text(200),
    description: text(10_000),
    priority: TicketPriority.optional().describe(
      "Required unless an incident names an incidentTypeId: then the type's default",
    ),
    incidentTypeId: z.uuid().optional(),
    facilityId: z.uuid().optional(),
    productId: z.uuid().optional(),
  })
  .strict()
  .meta({ id: 'OpenTicketInput' });

export const UpdateTicketInput = z
  .object({ title: text(200), description: text(10_000), priority: TicketPriority })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, {
    message: 'name at least one of title, description, priority',
  })
  .meta({ id: 'UpdateTicketInput' });

export const AssignTicketInput = z.object({ staffId: z.uuid() }).strict().meta({ id: 'AssignTicketInput' });
export const HoldTicketInput = z
  .object({ reason: text(500) })
  .strict()
  .meta({ id: 'HoldTicketInput' });
export const ResolveTicketInput = z
  .object({ resolution: text(5000) })
  .strict()
  .meta({ id: 'ResolveTicketInput' });
export const ReopenTicketInput = z
  .object({ reason: text(500) })
  .strict()
  .meta({ id: 'ReopenTicketInput' });
export const CancelTicketInput = z
  .object({ reason: text(500).optional() })
  .strict()
  .meta({ id: 'CancelTicketInput' });
export const CommentInput = z
  .object({ body: text(10_000), internal: z.boolean().optional() })
  .strict()
  .meta({ id: 'CommentInput' });

export const CreateIncidentTypeInput = z
  .object({ code: text(50), name: text(200), defaultPriority: TicketPriority })
  .strict()
  .meta({ id: 'CreateIncidentTypeInput' });

/** `true`/`false` in a query string; a boolean as the gateway forwards it after parsing. */
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

export const ListTicketsQuery = PageQuery.extend({
  status: TicketStatus.optional(),
  kind: TicketKind.optional(),
  priority: TicketPriority.optional(),
  assigneeId: z.uuid().optional().describe('A staff id'),
  facilityId: z.uuid().optional(),
  breached: flag.optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Text in the number, title or description'),
  mine: flag.optional().describe('Only tickets the caller reported or is assigned to'),
  unresolved: flag.optional().describe('Only tickets not yet resolved, closed or cancelled'),
});

export const IncidentType = z
  .object({ id: z.uuid(), code: z.string(), name: z.string(), defaultPriority: TicketPriority })
  .meta({ id: 'IncidentType' });
export const IncidentTypePage = page(IncidentType).meta({ id: 'IncidentTypePage' });

const named = z.object({
  id: z.uuid(),
  name: z.string().nullable().describe('null while not yet known here'),
});

export const TicketSummary = z
  .object({
    id: z.uuid(),
    number: z.string(),
    kind: TicketKind,
    title: z.string(),
    description: z.string(),
    priority: TicketPriority,
    status: TicketStatus,
    incidentTypeId: z.uuid().nullable(),
    facility: named.nullable(),
    product: named.nullable(),
    reporter: z.object({ id: z.uuid() }),
    assignee: z
      .object({ staffId: z.uuid(), userId: z.uuid().nullable(), name: z.string().nullable() })
      .nullable(),
    openedAt: z.iso.datetime(),
    slaDueAt: z.iso.datetime().describe('Moves later while the ticket is on hold'),
    slaBreached: z.boolean(),
    resolution: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'TicketSummary' });

export const TicketComment = z
  .object({ id: z.uuid(), authorId: z.uuid(), body: z.string(), internal: z.boolean(), at: z.iso.datetime() })
  .meta({ id: 'TicketComment' });

export const TicketHistoryEntry = z.object({
  status: TicketStatus,
  at: z.iso.datetime(),
  by: z.uuid().nullable().describe('The user who made the transition; null for the system'),
  reason: z.string().optional(),
});

export const Ticket = TicketSummary.extend({
  history: z.array(TicketHistoryEntry),
  comments: z.array(TicketComment).describe('Internal ones only for admin, manager and the assignee'),
}).meta({ id: 'Ticket' });

export const TicketPage = page(TicketSummary).meta({ id: 'TicketPage' });

export type OpenTicketInput = z.infer<typeof OpenTicketInput>;
export type UpdateTicketInput = z.infer<typeof UpdateTicketInput>;
export type ListTicketsQuery = z.infer<typeof ListTicketsQuery>;
export type CreateIncidentTypeInput = z.infer<typeof CreateIncidentTypeInput>;
export type IncidentType = z.infer<typeof IncidentType>;
export type TicketSummary = z.infer<typeof TicketSummary>;
export type Ticket = z.infer<typeof Ticket>;
export type TicketComment = z.infer<typeof TicketComment>;

export const TICKETING_RPC = {
  openTicket: 'openTicket',
  getTicket: 'getTicket',
  listTickets: 'listTickets',
  updateTicket: 'updateTicket',
  assignTicket: 'assignTicket',
  startTicket: 'startTicket',
  holdTicket: 'holdTicket',
  resumeTicket: 'resumeTicket',
  resolveTicket: 'resolveTicket',
  reopenTicket: 'reopenTicket',
  closeTicket: 'closeTicket',
  cancelTicket: 'cancelTicket',
  commentOnTicket: 'commentOnTicket',
  createIncidentType: 'createIncidentType',
  listIncidentTypes: 'listIncidentTypes',
} as const;

/** Roles that read every ticket; anyone else reads the tickets they reported or are assigned to. */
export const TICKET_READER_ROLES: readonly Role[] = ['admin', 'manager', 'clerk'];
/** Roles that assign and work any ticket and read its internal comments. */
export const TICKET_SUPERVISOR_ROLES: readonly Role[] = ['admin', 'manager'];

/** Who a ticket concerns, as every ticket event and the ticket's read model name them. */
export interface TicketAudience {
  readonly reporterId: string;
  readonly assigneeUserId: string | null;
}

const hasRole = (actor: Actor, roles: readonly Role[]) => actor.roles.some((role) => roles.includes(role));

export const isTicketSupervisor = (actor: Actor) => hasRole(actor, TICKET_SUPERVISOR_ROLES);
export const isTicketAssignee = (actor: Actor, ticket: TicketAudience) =>
  ticket.assigneeUserId !== null && ticket.assigneeUserId === actor.userId;

export function maySeeTicket(actor: Actor, ticket: TicketAudience): boolean {
  return (
    hasRole(actor, TICKET_READER_ROLES) ||
    actor.userId === ticket.reporterId ||
    isTicketAssignee(actor, ticket)
  );
}

export function maySeeInternalComments(actor: Actor, ticket: TicketAudience): boolean {
  return isTicketSupervisor(actor) || isTicketAssignee(actor, ticket);
}

/**
 * Whether a ticketing event may reach this user (the WebSocket bridge): the ticket must be theirs to
 * see, and an internal comment theirs to read. Incident types and number draws are visible to readers.
 */
export function mayReceiveTicketingEvent(actor: Actor, type: string, data: Record<string, unknown>): boolean {
  if (!type.startsWith('ticketing.ticket.')) return hasRole(actor, TICKET_READER_ROLES);
  const audience = {
    reporterId: String(data['reporterId']),
    assigneeUserId: (data['assigneeUserId'] as string | null) ?? null,
  };
  if (!maySeeTicket(actor, audience)) return false;
  return (
    type !== 'ticketing.ticket.commented' ||
    data['internal'] !== true ||
    maySeeInternalComments(actor, audience)
  );
}

/** Minutes to resolve, by priority: `TICKET_SLA_MINUTES`, e.g. `critical=60,high=240,normal=1440,low=4320`. */
export type SlaPolicy = Readonly<Record<Priority, number>>;

export const DEFAULT_SLA_MINUTES = 'critical=60,high=240,normal=1440,low=4320';

/** Parses `TICKET_SLA_MINUTES`; fractional minutes are allowed (`critical=0.05` is three seconds). */
export const SlaPolicySetting = z.string().transform((setting, ctx) => {
  const entries = setting.split(',').map((part) => part.split('=').map((s) => s.trim()));
  const policy: Record<string, number> = {};
  for (const [priority, minutes] of entries) {
    const value = Number(minutes);
    if (!TicketPriority.safeParse(priority).success || !(value > 0)) {
      ctx.addIssue({ code: 'custom', message: `not <priority>=<minutes>: ${priority}=${minutes}` });
      return z.NEVER;
    }
    policy[priority!] = value;
  }
  const missing = TicketPriority.options.filter((p) => policy[p] === undefined);
  if (missing.length) ctx.addIssue({ code: 'custom', message: `no minutes for ${missing.join(', ')}` });
  return policy as SlaPolicy;
});
