import type { DurableTimer } from '@omni/service-kit';
import { breachSla } from './tickets.js';
import type { Ticketing } from './context.js';

/**
 * Publishes `sla_breached` for a ticket not resolved by its due time. Due times are rows of the
 * ticketDetails read model (`sla_timers`), written in the transaction of the event that starts, moves
 * or stops the clock, so holds move them and restarts keep them. Fired by service-kit's durable timers
 * (one leader across replicas); the decider breaches once, so a second firing has no effect.
 */
export function slaBreachTimer(service: Ticketing): DurableTimer {
  return {
    name: 'sla-breach',
    table: `${service.schema}.sla_timers`,
    keyColumn: 'ticket_id',
    anchorColumn: 'due_at',
    delayMs: 0,
    fire: (ticketId) => breachSla(service, ticketId),
  };
}
