/**
 * The `data` of every analytics event (docs/events.md, docs/dashboards.md). Analytics folds the other
 * services' streams into dashboards; its only events say that a dashboard's figures moved, at most
 * once a second each, with the figures a live screen shows, so it never has to re-fetch.
 */
import { z } from 'zod';
import { Money } from '../money.js';
import { TicketPriority } from './ticketing.js';
import { type EventsOf, qualified } from './map.js';

const count = (what: string) => z.number().int().min(0).describe(what);

export const DASHBOARDS = ['sales', 'operations'] as const;
export const DashboardName = z.enum(DASHBOARDS);
export type DashboardName = z.infer<typeof DashboardName>;

export const SalesDay = z
  .object({
    date: z.iso.date().describe('The UTC day (YYYY-MM-DD)'),
    ordersPlaced: count('Orders placed that day'),
    ordersPaid: count('Orders that became paid that day'),
    ordersCancelled: count('Orders cancelled that day'),
    revenue: Money.describe(
      'Payments recorded that day less refunds made that day, in the dashboard currency',
    ),
  })
  .meta({ id: 'SalesDay' });
export type SalesDay = z.infer<typeof SalesDay>;

export const OpenTicketsByPriority = z
  .object(Object.fromEntries(TicketPriority.options.map((p) => [p, count(`Open ${p} tickets`)])))
  .describe('Tickets not resolved, closed or cancelled, by priority');

export const ServiceOpsHealth = z
  .object({
    service: z.string().describe('The service'),
    relayLagEvents: count('Committed events its relay had not published yet when sampled').nullable(),
    relayLagSeconds: z
      .number()
      .min(0)
      .nullable()
      .describe('Age of the oldest unpublished event when sampled'),
    deadLetters: count('Messages its consumers gave up on, still in the DLQ stream'),
    sampledAt: z.iso.datetime().describe('When these figures were read (they are sampled, not events)'),
  })
  .meta({ id: 'ServiceOpsHealth' });

export const OperationsDashboard = z
  .object({
    asOf: z.iso.datetime().describe('When the answer was read'),
    lowStockProducts: count('Products whose total available is at or below their reorder level'),
    openTickets: OpenTicketsByPriority,
    slaBreachesToday: count('Tickets whose SLA was breached today (UTC)'),
    shiftsToday: z
      .object({
        open: count('Shifts starting today (UTC) with nobody assigned'),
        assigned: count('Shifts starting today with a staff member (assigned, in progress or completed)'),
        missed: count('Shifts starting today that nobody clocked in to'),
      })
      .describe("Today's shifts by status; cancelled shifts are not counted"),
    services: z.array(ServiceOpsHealth).describe('Relay lag and dead letters per service'),
  })
  .meta({ id: 'OperationsDashboard' });
export type OperationsDashboard = z.infer<typeof OperationsDashboard>;

export const DashboardUpdated = z
  .discriminatedUnion('dashboard', [
    z.object({
      dashboard: z.literal('sales'),
      at: z.iso.datetime().describe('When the figures were read'),
      today: SalesDay.describe("Today's figures after the change"),
    }),
    z.object({
      dashboard: z.literal('operations'),
      at: z.iso.datetime().describe('When the figures were read'),
      operations: OperationsDashboard.omit({ services: true, asOf: true }).describe(
        'The event-built figures after the change (relay lag and dead letters are sampled: read them with GET)',
      ),
    }),
  ])
  .describe("A dashboard's figures moved (published at most once a second per dashboard)");

export const dashboardEvents = { updated: DashboardUpdated } as const;

/** Every analytics event's data schema by its CloudEvents `type`. */
export const analyticsEvents = { ...qualified('analytics.dashboard', dashboardEvents) };

export type DashboardUpdated = Readonly<z.infer<typeof DashboardUpdated>>;
/** A dashboard's figures without the time they were read: what changes when the dashboard moves. */
export type DashboardFigures = DashboardUpdated extends infer U
  ? U extends unknown
    ? Omit<U, 'at'>
    : never
  : never;
export type DashboardEvent = EventsOf<typeof dashboardEvents>;
