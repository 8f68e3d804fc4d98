/**
 * The `data` of every ticketing event (docs/events.md); see events/inventory.ts for why schemas.
 *
 * Every ticket event names the ticket's reporter (`reporterId`) and the gateway user of its current
 * assignee (`assigneeUserId`, null when none), so a subscriber (the WebSocket bridge deciding what a
 * `staff` user may see) needs no lookup.
 */
import { z } from 'zod';
import { type EventsOf, qualified } from './map.js';

export const TICKET_KINDS = ['incident', 'service'] as const;
export const TicketKind = z.enum(TICKET_KINDS);
export type TicketKind = z.infer<typeof TicketKind>;

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'critical'] as const;
export const TicketPriority = z.enum(TICKET_PRIORITIES);
export type TicketPriority = z.infer<typeof TicketPriority>;

export const TICKET_STATUSES = [
  'open',
  'assigned',
  'in_progress',
  'on_hold',
  'resolved',
  'closed',
  'cancelled',
] as const;
export const TicketStatus = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatus>;

const instant = (what: string) => z.iso.datetime().describe(`${what} (ISO 8601, UTC)`);
const ticketAudience = {
  ticketId: z.uuid().describe('The ticket'),
  reporterId: z.uuid().describe('The gateway user who opened the ticket'),
  assigneeUserId: z.uuid().nullable().describe("The gateway user of the ticket's assignee, or null"),
};
const slaDueAt = instant('When the ticket must be resolved, with the time held so far added');

export const TicketOpened = z
  .object({
    ...ticketAudience,
    number: z.string().describe('INC-<n> for incidents, SRV-<n> for service tickets: gap-free per kind'),
    kind: TicketKind,
    title: z.string(),
    description: z.string(),
    priority: TicketPriority,
    incidentTypeId: z.uuid().nullable().describe('The incident type, or null'),
    facilityId: z.uuid().nullable().describe("The facility (scheduling's), or null"),
    productId: z.uuid().nullable().describe("The product (inventory's), or null"),
    openedAt: instant('When it was opened'),
    slaDueAt,
  })
  .describe('A ticket was opened; its SLA clock runs from openedAt');

export const TicketAssigned = z
  .object({
    ...ticketAudience,
    staffId: z.uuid().describe("The staff member (scheduling's) now assigned"),
    previousStaffId: z.uuid().nullable().describe('Who was assigned before, or null'),
  })
  .describe('A staff member was assigned to the ticket (status assigned)');

export const TicketStarted = z.object(ticketAudience).describe('Work started (status in_progress)');

export const TicketHeld = z
  .object({ ...ticketAudience, reason: z.string(), heldAt: instant('When the SLA clock stopped') })
  .describe('The ticket is on hold: its SLA clock stops until it is resumed');

export const TicketResumed = z
  .object({
    ...ticketAudience,
    heldMs: z.number().int().describe('How long this hold lasted, in milliseconds'),
    slaDueAt,
  })
  .describe('Work resumed (status in_progress); slaDueAt moved later by the time held');

export const TicketResolved = z
  .object({ ...ticketAudience, resolution: z.string() })
  .describe('The ticket was resolved; its SLA clock stops');

export const TicketReopened = z
  .object({ ...ticketAudience, reason: z.string(), slaDueAt })
  .describe('A resolved ticket went back to in_progress');

export const TicketClosed = z.object(ticketAudience).describe('A resolved ticket was closed');

export const TicketCancelled = z
  .object({ ...ticketAudience, reason: z.string().nullable() })
  .describe('The ticket was cancelled before it was resolved');

export const TicketCommented = z
  .object({
    ...ticketAudience,
    commentId: z.uuid(),
    authorId: z.uuid().describe('The gateway user who wrote it'),
    body: z.string(),
    internal: z.boolean().describe('Visible to admin, manager and the assignee only'),
  })
  .describe('A comment was added');

export const TicketUpdated = z
  .object({
    ...ticketAudience,
    changes: z
      .object({ title: z.string(), description: z.string(), priority: TicketPriority })
      .partial()
      .describe('The fields that changed, with their new values'),
    slaDueAt,
  })
  .describe('Title, description or priority changed; a priority change recomputes slaDueAt from openedAt');

export const TicketSlaBreached = z
  .object({ ...ticketAudience, slaDueAt })
  .describe('The ticket was not resolved by slaDueAt (published once per ticket)');

export const ticketEvents = {
  opened: TicketOpened,
  assigned: TicketAssigned,
  started: TicketStarted,
  held: TicketHeld,
  resumed: TicketResumed,
  resolved: TicketResolved,
  reopened: TicketReopened,
  closed: TicketClosed,
  cancelled: TicketCancelled,
  commented: TicketCommented,
  updated: TicketUpdated,
  sla_breached: TicketSlaBreached,
} as const;

export const IncidentTypeCreated = z
  .object({
    incidentTypeId: z.uuid(),
    code: z.string().describe('Unique short code'),
    name: z.string(),
    defaultPriority: TicketPriority.describe('The priority of an incident of this type that names none'),
  })
  .describe('An incident type was created');

export const incidentTypeEvents = { created: IncidentTypeCreated } as const;

export const TicketNumberDrawn = z
  .object({
    kind: TicketKind,
    number: z.number().int().positive().describe('The next number of this kind: the stream version'),
    ticketId: z.uuid().describe('The ticket that got it, opened in the same transaction'),
  })
  .describe('A ticket number was drawn; one per opened ticket, never reused');

export const ticketCounterEvents = { number_drawn: TicketNumberDrawn } as const;

/** Every ticketing event's data schema by its CloudEvents `type`, e.g. `ticketing.ticket.opened`. */
export const ticketingEvents = {
  ...qualified('ticketing.ticket', ticketEvents),
  ...qualified('ticketing.incidenttype', incidentTypeEvents),
  ...qualified('ticketing.ticketcounter', ticketCounterEvents),
};

export type TicketOpened = Readonly<z.infer<typeof TicketOpened>>;
export type TicketEvent = EventsOf<typeof ticketEvents>;
export type IncidentTypeEvent = EventsOf<typeof incidentTypeEvents>;
export type TicketCounterEvent = EventsOf<typeof ticketCounterEvents>;
