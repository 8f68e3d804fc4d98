import 'reflect-metadata';
import { createRpcClient } from '@omni/messaging';
import { runEventSourcedService } from '@omni/service-kit';
import { z } from 'zod';
import { createAnalytics } from './application/context.js';
import { startDashboardUpdates } from './application/dashboard-updates.js';
import { AnalyticsModule } from './module.js';
import { startHealthSampler } from './operations/health-sampler.js';
import { ANALYTICS_READ_MODELS } from './projections/index.js';
import { migrateAnalyticsSchema } from './schema.js';

const AnalyticsEnv = z.object({
  /** How often relay lag and dead letters are sampled for the operations dashboard. */
  OPS_SAMPLE_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
});

runEventSourcedService<z.infer<typeof AnalyticsEnv>>({
  service: 'analytics',
  env: AnalyticsEnv,
  projections: ANALYTICS_READ_MODELS,
  migrate: migrateAnalyticsSchema,
  // The dashboards' statements take a few milliseconds; starting parallel workers takes longer than
  // that on a busy machine, yet the planner, pricing each heap page as a random read, sometimes
  // chooses them. Set for the whole pool: no statement of this service gains from them.
  databaseSettings: { max_parallel_workers_per_gather: 0 },
  async start({ config, store, nats, logger, shutdown }) {
    const service = createAnalytics(store);
    const sampler = startHealthSampler({
      pool: store.pool,
      schema: service.schema,
      nats,
      // A service that does not answer is shown without a fresh relay lag, not logged every tick.
      rpc: createRpcClient(nats),
      intervalMs: config.OPS_SAMPLE_INTERVAL_MS,
      logger,
    });
    shutdown.onShutdown('stop sampling service health', () => sampler.stop());
    const updates = startDashboardUpdates(service, logger);
    shutdown.onShutdown('stop publishing dashboard updates', () => updates.stop());
    return AnalyticsModule.with(service);
  },
});
