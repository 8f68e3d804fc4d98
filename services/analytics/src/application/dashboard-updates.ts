import type { Logger, analytics } from '@omni/contracts';
import { streamCommand } from '@omni/event-store';
import { dashboardDecider, PUBLISH_INTERVAL_MS } from '../domain/dashboard/decider.js';
import { operationsFigures } from '../projections/operationsDashboard/query.js';
import { salesToday } from '../projections/salesDashboard/query.js';
import type { Analytics } from './context.js';
import { every, type PeriodicTask } from './every.js';

export const dashboardStream = (dashboard: analytics.DashboardName) => `dashboard-${dashboard}`;

/** The figures a live update of each dashboard carries, read from the read models. */
async function figuresOf(service: Analytics, now: Date): Promise<analytics.DashboardFigures[]> {
  const { pool } = service.store;
  return [
    { dashboard: 'sales', today: await salesToday(pool, service.schema, now) },
    { dashboard: 'operations', operations: await operationsFigures(pool, service.schema, now) },
  ];
}

/**
 * Offers each dashboard's current figures to its update feed; the decider publishes
 * `analytics.dashboard.<name>.updated` only when they changed, at most once a second, through the
 * event log and relay like every event (so a subscriber can resume with `since`).
 */
export async function publishDashboardUpdates(service: Analytics, now = new Date()): Promise<void> {
  const metadata = { correlationId: `dashboards:${now.toISOString()}`, causationId: 'dashboard-updates' };
  for (const figures of await figuresOf(service, now)) {
    await service.commands.execute(
      streamCommand({
        streamId: dashboardStream(figures.dashboard),
        decider: dashboardDecider,
        command: { type: 'PublishFigures', figures, now: now.toISOString() },
        metadata,
      }),
    );
  }
}

/** Checks the dashboards once a second: the debounce of their live updates. */
export function startDashboardUpdates(service: Analytics, logger: Logger): PeriodicTask {
  return every(PUBLISH_INTERVAL_MS, 'dashboard updates', logger, () => publishDashboardUpdates(service));
}
