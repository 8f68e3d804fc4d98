import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  assertNever,
  ticketing,
  type Actor,
  type Decider,
  type OmniError,
} from '@omni/contracts';
import { slaDueAt, type SlaClock } from './sla.js';

const { isTicketAssignee, isTicketSupervisor, maySeeInternalComments, maySeeTicket } = ticketing;

type TicketEvent = ticketing.TicketEvent;
type Status = ticketing.TicketStatus;
type Priority = ticketing.TicketPriority;

export interface Assignee {
  readonly staffId: string;
  readonly userId: string | null;
}

/** Commands a user sends carry who sends them: rights are business rules, decided here. */
type ByUser = { readonly by: Actor };

export type TicketCommand = { readonly ticketId: string } & (
  | ({
      readonly type: 'OpenTicket';
      readonly by: Actor;
      readonly sla: ticketing.SlaPolicy;
      readonly now: string;
    } & Pick<
      ticketing.TicketOpened,
      'number' | 'kind' | 'title' | 'description' | 'priority' | 'incidentTypeId' | 'facilityId' | 'productId'
    >)
  | ({ readonly type: 'AssignTicket'; readonly assignee: Assignee } & ByUser)
  | ({ readonly type: 'StartTicket' } & ByUser)
  | ({ readonly type: 'HoldTicket'; readonly reason: string; readonly now: string } & ByUser)
  | ({ readonly type: 'ResumeTicket'; readonly now: string } & ByUser)
  | ({ readonly type: 'ResolveTicket'; readonly resolution: string } & ByUser)
  | ({ readonly type: 'ReopenTicket'; readonly reason: string } & ByUser)
  | ({ readonly type: 'CloseTicket' } & ByUser)
  | ({ readonly type: 'CancelTicket'; readonly reason: string | null } & ByUser)
  | ({
      readonly type: 'CommentOnTicket';
      readonly commentId: string;
      readonly body: string;
      readonly internal: boolean;
    } & ByUser)
  | ({
      readonly type: 'UpdateTicket';
      readonly changes: Partial<Pick<ticketing.TicketOpened, 'title' | 'description' | 'priority'>>;
      readonly sla: ticketing.SlaPolicy;
    } & ByUser)
  /** From the SLA timer: decides nothing unless the ticket is running and past due, once. */
  | { readonly type: 'BreachSla'; readonly now: string }
);

export type TicketState =
  | { readonly status: 'none' }
  | ({
      readonly status: Status;
      readonly ticketId: string;
      readonly reporterId: string;
      readonly assignee: Assignee | null;
      readonly priority: Priority;
      readonly slaBreached: boolean;
    } & SlaClock);

type Opened = Exclude<TicketState, { status: 'none' }>;
type Outcome = readonly TicketEvent[] | OmniError;

/** Statuses in which the SLA clock runs and a breach can happen. */
const RUNNING: readonly Status[] = ['open', 'assigned', 'in_progress'];
const BEFORE_RESOLVED: readonly Status[] = ['open', 'assigned', 'in_progress', 'on_hold'];

/**
 * A ticket's workflow (docs/ticketing.md): open → assigned → in_progress ⇄ on_hold; in_progress →
 * resolved → closed, or back to in_progress; cancelled from any status before resolved. A ticket the
 * caller may not see is a 404 (its existence is not revealed), a move their role may not make a 403,
 * any other transition a 409 `invalid_transition` naming the current status.
 */
export const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState, OmniError> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (command.type === 'OpenTicket') return open(command, state);
    if (state.status === 'none') return notFound();
    if (command.type === 'BreachSla') return breach(command.now, state);
    if (!maySeeTicket(command.by, audienceOf(state))) return notFound();
    return decideOnOpened(command, state);
  },
  evolve,
};

function decideOnOpened(
  command: Exclude<TicketCommand, { type: 'OpenTicket' | 'BreachSla' }>,
  state: Opened,
): Outcome {
  const audience = { ticketId: command.ticketId, ...audienceOf(state) };
  const role = roleOf(command.by, state);
  switch (command.type) {
    case 'AssignTicket': {
      if (!role.supervisor) return new ForbiddenError('Only an admin or a manager assigns tickets');
      const refused = transition(state, ['open', 'assigned'], 'assigned');
      if (refused) return refused;
      const previousStaffId = state.assignee?.staffId ?? null;
      return [
        {
          type: 'assigned',
          data: {
            ...audience,
            assigneeUserId: command.assignee.userId,
            staffId: command.assignee.staffId,
            previousStaffId,
          },
        },
      ];
    }
    case 'StartTicket':
      return (
        worker(role) ?? transition(state, ['assigned'], 'started') ?? [{ type: 'started', data: audience }]
      );
    case 'HoldTicket':
      return (
        worker(role) ??
        transition(state, ['in_progress'], 'put on hold') ?? [
          { type: 'held', data: { ...audience, reason: command.reason, heldAt: command.now } },
        ]
      );
    case 'ResumeTicket':
      return (
        worker(role) ?? transition(state, ['on_hold'], 'resumed') ?? resume(state, audience, command.now)
      );
    case 'ResolveTicket':
      return (
        worker(role) ??
        transition(state, ['in_progress'], 'resolved') ?? [
          { type: 'resolved', data: { ...audience, resolution: command.resolution } },
        ]
      );
    case 'ReopenTicket':
      return (
        involved(role) ??
        transition(state, ['resolved'], 'reopened') ?? [
          { type: 'reopened', data: { ...audience, reason: command.reason, slaDueAt: slaDueAt(state) } },
        ]
      );
    case 'CloseTicket':
      return (
        involved(role) ?? transition(state, ['resolved'], 'closed') ?? [{ type: 'closed', data: audience }]
      );
    case 'CancelTicket':
      if (!role.supervisor && !role.reporter)
        return new ForbiddenError('Only its reporter, an admin or a manager cancels a ticket');
      return (
        transition(state, BEFORE_RESOLVED, 'cancelled') ?? [
          { type: 'cancelled', data: { ...audience, reason: command.reason } },
        ]
      );
    case 'CommentOnTicket':
      if (command.internal && !maySeeInternalComments(command.by, audienceOf(state)))
        return new ForbiddenError('Only an admin, a manager or the assignee writes internal comments');
      return [
        {
          type: 'commented',
          data: {
            ...audience,
            commentId: command.commentId,
            authorId: command.by.userId,
            body: command.body,
            internal: command.internal,
          },
        },
      ];
    case 'UpdateTicket':
      return update(command, state, role, audience);
    default:
      return assertNever(command, 'ticket command');
  }
}

function open(command: Extract<TicketCommand, { type: 'OpenTicket' }>, state: TicketState): Outcome {
  if (state.status !== 'none') return new ConflictError('ticket_exists', 'This ticket exists already');
  const { type: _type, by, sla, now, ...fields } = command;
  const clock: SlaClock = { openedAt: now, slaMinutes: sla[command.priority], heldMs: 0, heldSince: null };
  return [
    {
      type: 'opened',
      data: {
        ...fields,
        reporterId: by.userId,
        assigneeUserId: null,
        openedAt: now,
        slaDueAt: slaDueAt(clock),
      },
    },
  ];
}

function update(
  command: Extract<TicketCommand, { type: 'UpdateTicket' }>,
  state: Opened,
  role: Role,
  audience: ReturnType<typeof audienceOf> & { ticketId: string },
): Outcome {
  const refused = transition(state, BEFORE_RESOLVED, 'changed');
  if (refused) return refused;
  const mayEdit = role.supervisor || role.assignee || (role.reporter && state.status === 'open');
  if (!mayEdit)
    return new ForbiddenError(
      'Its reporter changes a ticket while it is open; its assignee, an admin or a manager until it is resolved',
    );
  const changes = command.changes;
  const slaMinutes = changes.priority ? command.sla[changes.priority] : state.slaMinutes;
  return [{ type: 'updated', data: { ...audience, changes, slaDueAt: slaDueAt({ ...state, slaMinutes }) } }];
}

function resume(
  state: Opened,
  audience: ReturnType<typeof audienceOf> & { ticketId: string },
  now: string,
): Outcome {
  const heldMs = Math.max(0, Date.parse(now) - Date.parse(state.heldSince ?? now));
  return [
    {
      type: 'resumed',
      data: {
        ...audience,
        heldMs,
        slaDueAt: slaDueAt({ ...state, heldMs: state.heldMs + heldMs, heldSince: null }),
      },
    },
  ];
}

function breach(now: string, state: Opened): Outcome {
  const due = slaDueAt(state);
  if (state.slaBreached || !RUNNING.includes(state.status) || Date.parse(now) < Date.parse(due)) return [];
  return [{ type: 'sla_breached', data: { ticketId: state.ticketId, ...audienceOf(state), slaDueAt: due } }];
}

interface Role {
  readonly supervisor: boolean;
  readonly assignee: boolean;
  readonly reporter: boolean;
}

const roleOf = (actor: Actor, state: Opened): Role => ({
  supervisor: isTicketSupervisor(actor),
  assignee: isTicketAssignee(actor, audienceOf(state)),
  reporter: actor.userId === state.reporterId,
});

/** Start, hold, resume, resolve: the assignee's work, or a supervisor's. */
const worker = (role: Role) =>
  role.supervisor || role.assignee
    ? undefined
    : new ForbiddenError('Only its assignee, an admin or a manager works a ticket');

/** Close and reopen: whoever the ticket concerns. */
const involved = (role: Role) =>
  role.supervisor || role.assignee || role.reporter
    ? undefined
    : new ForbiddenError('Only its reporter, its assignee, an admin or a manager closes or reopens a ticket');

function transition(state: Opened, from: readonly Status[], verb: string): OmniError | undefined {
  if (from.includes(state.status)) return undefined;
  return new ConflictError('invalid_transition', `The ticket is ${state.status}: it cannot be ${verb}`, {
    details: { currentStatus: state.status },
  });
}

const notFound = () => new NotFoundError('There is no such ticket', 'ticket_not_found');

export const audienceOf = (state: Opened) => ({
  reporterId: state.reporterId,
  assigneeUserId: state.assignee?.userId ?? null,
});

export function evolve(state: TicketState, event: TicketEvent): TicketState {
  if (event.type === 'opened') {
    const d = event.data;
    return {
      status: 'open',
      ticketId: d.ticketId,
      reporterId: d.reporterId,
      assignee: null,
      priority: d.priority,
      slaBreached: false,
      openedAt: d.openedAt,
      slaMinutes: (Date.parse(d.slaDueAt) - Date.parse(d.openedAt)) / 60_000,
      heldMs: 0,
      heldSince: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'assigned':
      return {
        ...state,
        status: 'assigned',
        assignee: { staffId: event.data.staffId, userId: event.data.assigneeUserId },
      };
    case 'started':
    case 'reopened':
      return { ...state, status: 'in_progress' };
    case 'held':
      return { ...state, status: 'on_hold', heldSince: event.data.heldAt };
    case 'resumed':
      return { ...state, status: 'in_progress', heldMs: state.heldMs + event.data.heldMs, heldSince: null };
    case 'resolved':
      return { ...state, status: 'resolved' };
    case 'closed':
      return { ...state, status: 'closed' };
    case 'cancelled':
      return { ...state, status: 'cancelled' };
    case 'updated': {
      const priority = event.data.changes.priority ?? state.priority;
      const slaMinutes =
        (Date.parse(event.data.slaDueAt) - Date.parse(state.openedAt) - state.heldMs) / 60_000;
      return { ...state, priority, slaMinutes };
    }
    case 'sla_breached':
      return { ...state, slaBreached: true };
    default:
      return state;
  }
}
