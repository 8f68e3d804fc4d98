import { analytics } from '@omni/contracts';
import type { RpcClient } from '@omni/messaging';
import { defineRoute, type RouteSpec } from '../http/route.js';
import { forwarderTo } from './forward.js';

const RPC = analytics.ANALYTICS_RPC;

/**
 * Dashboards (docs/dashboards.md): read models of the analytics service, folded from the other
 * services' streams, so each answer is one read there and never a fan-out across services.
 */
export function dashboardsRoutes(rpc: RpcClient): RouteSpec[] {
  const forward = forwarderTo(rpc, 'analytics');
  return [
    defineRoute({
      operationId: 'getSalesDashboard',
      method: 'get',
      path: '/dashboards/sales',
      tag: 'dashboards',
      summary: 'Sales per day, average order value and top products',
      description:
        'Orders placed, paid and cancelled and revenue per UTC day from `from` to `to` (inclusive, at most ' +
        `${analytics.MAX_SALES_RANGE_DAYS} days; default the last 30 days), the average value of the orders placed, and the 10 ` +
        'products with the most units in orders placed in the range that were not rejected or cancelled. Revenue is ' +
        'payments recorded less refunds, by the day they happened, in `currency` (default: the currency of most orders ' +
        'in the range). Built from orders’ and payments’ events by the analytics service: it follows a write within ' +
        'milliseconds, and `analytics.dashboard.sales.updated` (WebSocket, SSE) says when today’s figures moved. ' +
        'Roles: admin, manager, sales, accountant.',
      access: 'dashboards.sales',
      query: analytics.SalesDashboardQuery,
      response: analytics.SalesDashboard,
      status: 200,
      handle: forward(RPC.salesDashboard, ({ query }) => query),
    }),
    defineRoute({
      operationId: 'getOperationsDashboard',
      method: 'get',
      path: '/dashboards/operations',
      tag: 'dashboards',
      summary: 'Low stock, open tickets, SLA breaches, today’s shifts, relay lag and dead letters',
      description:
        'Products at or below their reorder level, open tickets by priority, SLA breaches today (UTC), today’s ' +
        'shifts open/assigned/missed, all built from events by the analytics service; and per service the relay lag ' +
        'and the dead letters in the DLQ stream, which are not events: they are sampled every few seconds ' +
        '(`sampledAt`; `relayLagEvents` null until the relay’s leader has answered). ' +
        '`analytics.dashboard.operations.updated` says when the event-built figures moved. Roles: admin, manager.',
      access: 'dashboards.operations',
      response: analytics.OperationsDashboard,
      status: 200,
      handle: forward(RPC.operationsDashboard, () => ({})),
    }),
  ];
}
