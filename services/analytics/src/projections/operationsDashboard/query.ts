import { ticketing, type analytics } from '@omni/contracts';
import type { Pool } from 'pg';
import { DAY_MS } from '../days.js';

type EventBuilt = Omit<analytics.OperationsDashboard, 'services' | 'asOf'>;

interface OperationsRow {
  readonly lowStock: number;
  readonly openTickets: Record<string, number> | null;
  readonly breaches: number;
  readonly shifts: Record<string, number> | null;
  readonly services: analytics.OperationsDashboard['services'] | null;
}

/**
 * The operations dashboard (docs/dashboards.md) as one statement: counts over the stockLevels,
 * openTickets and todaysShifts read models through their partial and range indexes, and the sampled
 * relay lag and dead letters per service (service_health, see operations/health-sampler.ts).
 */
export async function operationsDashboard(
  pool: Pool,
  schema: string,
  now: Date,
): Promise<analytics.OperationsDashboard> {
  const dayStart = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const dayEnd = new Date(dayStart.getTime() + DAY_MS);
  const { rows } = await pool.query<OperationsRow>(
    `SELECT
       (SELECT count(*)::int FROM ${schema}.stock_levels WHERE low) AS "lowStock",
       (SELECT json_object_agg(priority, n) FROM (
          SELECT priority, count(*)::int AS n FROM ${schema}.ticket_states WHERE open GROUP BY priority) p
       ) AS "openTickets",
       (SELECT count(*)::int FROM ${schema}.ticket_states WHERE breached_at >= $1 AND breached_at < $2) AS breaches,
       (SELECT json_object_agg(status, n) FROM (
          SELECT status, count(*)::int AS n FROM ${schema}.shift_states
          WHERE starts_at >= $1 AND starts_at < $2 GROUP BY status) s
       ) AS shifts,
       (SELECT json_agg(json_build_object('service', service, 'relayLagEvents', relay_lag_events,
          'relayLagSeconds', relay_lag_seconds, 'deadLetters', dead_letters,
          'sampledAt', to_char(sampled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY service)
        FROM ${schema}.service_health) AS services`,
    [dayStart, dayEnd],
  );
  const row = rows[0]!;
  return { asOf: now.toISOString(), ...figuresOf(row), services: row.services ?? [] };
}

/** The event-built part alone: what a live update carries (sampled figures are not events). */
export async function operationsFigures(pool: Pool, schema: string, now: Date): Promise<EventBuilt> {
  const { asOf: _asOf, services: _services, ...figures } = await operationsDashboard(pool, schema, now);
  return figures;
}

function figuresOf(row: OperationsRow): EventBuilt {
  const tickets = row.openTickets ?? {};
  const shifts = row.shifts ?? {};
  return {
    lowStockProducts: row.lowStock,
    openTickets: Object.fromEntries(ticketing.TICKET_PRIORITIES.map((p) => [p, tickets[p] ?? 0])),
    slaBreachesToday: row.breaches,
    shiftsToday: {
      open: shifts['open'] ?? 0,
      assigned: (shifts['assigned'] ?? 0) + (shifts['in_progress'] ?? 0) + (shifts['completed'] ?? 0),
      missed: shifts['missed'] ?? 0,
    },
  };
}
