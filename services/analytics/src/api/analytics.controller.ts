import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { analytics as contracts, parseWith, rpcSubject, type RpcRequest } from '@omni/contracts';
import type { Analytics } from '../application/context.js';
import { operationsDashboard } from '../projections/operationsDashboard/query.js';
import { salesDashboard } from '../projections/salesDashboard/query.js';

export const ANALYTICS = Symbol('Analytics');
const rpc = (name: string) => rpcSubject('analytics', name);
const RPC = contracts.ANALYTICS_RPC;

/**
 * `rpc.analytics.<name>` handlers, one per name in `ANALYTICS_RPC`. Who may read which dashboard is
 * the gateway's policy; health and replay come with runEventSourcedService.
 */
@Controller()
export class AnalyticsController {
  constructor(@Inject(ANALYTICS) private readonly analytics: Analytics) {}

  @MessagePattern(rpc(RPC.salesDashboard))
  salesDashboard(@Payload() { input }: RpcRequest) {
    const query = parseWith(contracts.SalesDashboardRange, input);
    return salesDashboard(this.analytics.store.pool, this.analytics.schema, query);
  }

  @MessagePattern(rpc(RPC.operationsDashboard))
  operationsDashboard() {
    return operationsDashboard(this.analytics.store.pool, this.analytics.schema, new Date());
  }
}
