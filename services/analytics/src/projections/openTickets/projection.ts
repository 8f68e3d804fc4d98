import { ticketingEvents, type TypedEvent } from '@omni/contracts';
import type { Tx } from '@omni/event-store';
import { streamProjection, tableExists, type TableNames } from '@omni/projections';

type TicketingEvent = TypedEvent<typeof ticketingEvents>;

/**
 * Each ticket's priority, whether it is open (not resolved, closed or cancelled) and when its SLA
 * was breached, from ticketing's stream: the operations dashboard's open tickets by priority and
 * SLA breaches today.
 */
export const openTicketsProjection = streamProjection({
  name: 'openTickets',
  tables: ['ticket_states'],
  source: { service: 'ticketing', filterSubject: 'ticketing.ticket.>', events: ticketingEvents },

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['ticket_states']!)) return;
    await tx.query(`
      CREATE TABLE ${t['ticket_states']} (
        ticket_id uuid PRIMARY KEY,
        priority text NOT NULL,
        open boolean NOT NULL DEFAULT true,
        breached_at timestamptz
      );
      CREATE INDEX ON ${t['ticket_states']} (priority) WHERE open;
      CREATE INDEX ON ${t['ticket_states']} (breached_at) WHERE breached_at IS NOT NULL`);
  },

  async apply(tx: Tx, event: TicketingEvent, t: TableNames) {
    const table = t['ticket_states']!;
    const setOpen = (ticketId: string, open: boolean) =>
      tx.query(`UPDATE ${table} SET open = $2 WHERE ticket_id = $1`, [ticketId, open]);
    switch (event.type) {
      case 'ticketing.ticket.opened':
        await tx.query(`INSERT INTO ${table} (ticket_id, priority) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
          event.data.ticketId,
          event.data.priority,
        ]);
        return;
      case 'ticketing.ticket.updated':
        if (!event.data.changes.priority) return;
        await tx.query(`UPDATE ${table} SET priority = $2 WHERE ticket_id = $1`, [
          event.data.ticketId,
          event.data.changes.priority,
        ]);
        return;
      case 'ticketing.ticket.sla_breached':
        await tx.query(`UPDATE ${table} SET breached_at = $2 WHERE ticket_id = $1 AND breached_at IS NULL`, [
          event.data.ticketId,
          event.time,
        ]);
        return;
      case 'ticketing.ticket.resolved':
      case 'ticketing.ticket.closed':
      case 'ticketing.ticket.cancelled':
        await setOpen(event.data.ticketId, false);
        return;
      case 'ticketing.ticket.reopened':
        await setOpen(event.data.ticketId, true);
        return;
      default:
        return; // assignment, work and comments leave a ticket open
    }
  },
});
