import type { Actor, ticketing } from '@omni/contracts';
import { given } from '@omni/testing';
import { ticketDecider, type TicketCommand } from '../src/domain/ticket/decider.js';

const ticketId = '0190bbbb-0000-7000-8000-0000000000aa';
const reporter: Actor = { userId: '0190bbbb-0000-7000-8000-000000000001', roles: ['sales'] };
const worker: Actor = { userId: '0190bbbb-0000-7000-8000-000000000002', roles: ['staff'] };
const stranger: Actor = { userId: '0190bbbb-0000-7000-8000-000000000003', roles: ['staff'] };
const clerk: Actor = { userId: '0190bbbb-0000-7000-8000-000000000004', roles: ['clerk'] };
const manager: Actor = { userId: '0190bbbb-0000-7000-8000-000000000005', roles: ['manager'] };
const staffId = '0190bbbb-0000-7000-8000-0000000000f1';
const sla: ticketing.SlaPolicy = { critical: 60, high: 240, normal: 1440, low: 4320 };
const openedAt = '2026-12-01T10:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(openedAt) + minutes * 60_000).toISOString();

const fields = {
  number: 'INC-1',
  kind: 'incident' as const,
  title: 'Till broken',
  description: 'The till at the door does not open',
  priority: 'high' as const,
  incidentTypeId: null,
  facilityId: null,
  productId: null,
};
const audience = { ticketId, reporterId: reporter.userId, assigneeUserId: null };
const assignedAudience = { ...audience, assigneeUserId: worker.userId };

const opened: ticketing.TicketEvent = {
  type: 'opened',
  data: { ...audience, ...fields, openedAt, slaDueAt: at(240) },
};
const assigned: ticketing.TicketEvent = {
  type: 'assigned',
  data: { ...assignedAudience, staffId, previousStaffId: null },
};
const started: ticketing.TicketEvent = { type: 'started', data: assignedAudience };
const held: ticketing.TicketEvent = {
  type: 'held',
  data: { ...assignedAudience, reason: 'parts', heldAt: at(30) },
};
const resolved: ticketing.TicketEvent = {
  type: 'resolved',
  data: { ...assignedAudience, resolution: 'fixed' },
};
const closed: ticketing.TicketEvent = { type: 'closed', data: assignedAudience };
const cancelled: ticketing.TicketEvent = { type: 'cancelled', data: { ...assignedAudience, reason: null } };

const history = {
  open: [opened],
  assigned: [opened, assigned],
  in_progress: [opened, assigned, started],
  on_hold: [opened, assigned, started, held],
  resolved: [opened, assigned, started, resolved],
  closed: [opened, assigned, started, resolved, closed],
  cancelled: [opened, assigned, cancelled],
} satisfies Record<ticketing.TicketStatus, ticketing.TicketEvent[]>;

const commands = {
  assign: { type: 'AssignTicket', ticketId, by: manager, assignee: { staffId, userId: worker.userId } },
  start: { type: 'StartTicket', ticketId, by: worker },
  hold: { type: 'HoldTicket', ticketId, by: worker, reason: 'parts', now: at(30) },
  resume: { type: 'ResumeTicket', ticketId, by: worker, now: at(50) },
  resolve: { type: 'ResolveTicket', ticketId, by: worker, resolution: 'fixed' },
  reopen: { type: 'ReopenTicket', ticketId, by: reporter, reason: 'again' },
  close: { type: 'CloseTicket', ticketId, by: reporter },
  cancel: { type: 'CancelTicket', ticketId, by: reporter, reason: null },
} satisfies Record<string, TicketCommand>;

/** Which statuses each workflow command may leave; every other one is a 409 invalid_transition. */
const allowedFrom: Record<keyof typeof commands, ticketing.TicketStatus[]> = {
  assign: ['open', 'assigned'],
  start: ['assigned'],
  hold: ['in_progress'],
  resume: ['on_hold'],
  resolve: ['in_progress'],
  reopen: ['resolved'],
  close: ['resolved'],
  cancel: ['open', 'assigned', 'in_progress', 'on_hold'],
};

describe('ticket decider', () => {
  describe('when there is no ticket', () => {
    it('opens it with the SLA of its priority from the opening time', () => {
      given(ticketDecider, [])
        .when({ type: 'OpenTicket', ticketId, by: reporter, sla, now: openedAt, ...fields })
        .then([opened]);
    });

    it('refuses every other command as an unknown ticket', () => {
      given(ticketDecider, []).when(commands.start).thenFails('ticket_not_found');
    });
  });

  describe('when the ticket is open', () => {
    it('is assigned by a manager to a staff member', () => {
      given(ticketDecider, history.open).when(commands.assign).then([assigned]);
    });

    it('refuses an assignment by anyone but an admin or a manager', () => {
      given(ticketDecider, history.open)
        .when({ ...commands.assign, by: clerk })
        .thenFails('forbidden');
    });

    it('hides itself from a staff user it does not concern', () => {
      given(ticketDecider, history.open)
        .when({
          type: 'CommentOnTicket',
          ticketId,
          by: stranger,
          commentId: ticketId,
          body: 'hi',
          internal: false,
        })
        .thenFails('ticket_not_found');
    });

    it('lets its reporter change it, recomputing slaDueAt from the opening time', () => {
      given(ticketDecider, history.open)
        .when({ type: 'UpdateTicket', ticketId, by: reporter, changes: { priority: 'critical' }, sla })
        .then([
          { type: 'updated', data: { ...audience, changes: { priority: 'critical' }, slaDueAt: at(60) } },
        ]);
    });
  });

  describe('the transitions', () => {
    for (const [name, command] of Object.entries(commands) as [keyof typeof commands, TicketCommand][]) {
      for (const [status, events] of Object.entries(history) as [
        ticketing.TicketStatus,
        ticketing.TicketEvent[],
      ][]) {
        const allowed = allowedFrom[name].includes(status);
        const asManager = { ...command, by: manager } as TicketCommand;
        it(`${name} from ${status}: ${allowed ? 'allowed' : '409 invalid_transition'}`, () => {
          const spec = given(ticketDecider, events).when(asManager);
          if (allowed) {
            const outcome = ticketDecider.decide(asManager, given(ticketDecider, events).state);
            expect(Array.isArray(outcome) && outcome.length).toBe(1);
          } else {
            const refusal = spec.thenFails('invalid_transition') as unknown as { message: string };
            expect(refusal.message).toContain(status);
          }
        });
      }
    }
  });

  describe('when the ticket is assigned', () => {
    it('refuses a start by someone who is not its assignee', () => {
      given(ticketDecider, history.assigned)
        .when({ ...commands.start, by: reporter })
        .thenFails('forbidden');
    });

    it('refuses a change by its reporter once it is no longer open', () => {
      given(ticketDecider, history.assigned)
        .when({ type: 'UpdateTicket', ticketId, by: reporter, changes: { title: 'x' }, sla })
        .thenFails('forbidden');
    });
  });

  describe('when the ticket is on hold', () => {
    it('moves slaDueAt later by the time held when it resumes', () => {
      given(ticketDecider, history.on_hold)
        .when(commands.resume)
        .then([{ type: 'resumed', data: { ...assignedAudience, heldMs: 20 * 60_000, slaDueAt: at(260) } }]);
    });

    it('does not breach while held, even past the due time', () => {
      given(ticketDecider, history.on_hold)
        .when({ type: 'BreachSla', ticketId, now: at(1000) })
        .then([]);
    });

    it('keeps earlier holds when the priority changes', () => {
      const resumed: ticketing.TicketEvent = {
        type: 'resumed',
        data: { ...assignedAudience, heldMs: 20 * 60_000, slaDueAt: at(260) },
      };
      given(ticketDecider, [...history.on_hold, resumed])
        .when({ type: 'UpdateTicket', ticketId, by: manager, changes: { priority: 'critical' }, sla })
        .then([
          {
            type: 'updated',
            data: { ...assignedAudience, changes: { priority: 'critical' }, slaDueAt: at(80) },
          },
        ]);
    });
  });

  describe('the SLA timer', () => {
    it('breaches a running ticket past its due time, once', () => {
      const breached: ticketing.TicketEvent = {
        type: 'sla_breached',
        data: { ...assignedAudience, slaDueAt: at(240) },
      };
      given(ticketDecider, history.in_progress)
        .when({ type: 'BreachSla', ticketId, now: at(240) })
        .then([breached]);
      given(ticketDecider, [...history.in_progress, breached])
        .when({ type: 'BreachSla', ticketId, now: at(300) })
        .then([]);
    });

    it('does nothing before the due time or once resolved', () => {
      given(ticketDecider, history.in_progress)
        .when({ type: 'BreachSla', ticketId, now: at(239) })
        .then([]);
      given(ticketDecider, history.resolved)
        .when({ type: 'BreachSla', ticketId, now: at(300) })
        .then([]);
    });
  });

  describe('comments', () => {
    it('refuses an internal comment from its reporter', () => {
      given(ticketDecider, history.assigned)
        .when({
          type: 'CommentOnTicket',
          ticketId,
          by: reporter,
          commentId: ticketId,
          body: 'x',
          internal: true,
        })
        .thenFails('forbidden');
    });

    it('takes an internal comment from its assignee', () => {
      given(ticketDecider, history.assigned)
        .when({
          type: 'CommentOnTicket',
          ticketId,
          by: worker,
          commentId: ticketId,
          body: 'x',
          internal: true,
        })
        .then([
          {
            type: 'commented',
            data: {
              ...assignedAudience,
              commentId: ticketId,
              authorId: worker.userId,
              body: 'x',
              internal: true,
            },
          },
        ]);
    });
  });
});
