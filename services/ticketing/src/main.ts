import 'reflect-metadata';
import { ticketing } from '@omni/contracts';
import { runEventSourcedService, startDurableTimers } from '@omni/service-kit';
import { z } from 'zod';
import { createTicketing } from './application/context.js';
import { slaBreachTimer } from './application/sla-timer.js';
import { TicketingModule } from './module.js';
import { TICKETING_READ_MODELS } from './projections/index.js';
import { migrateTicketingSchema } from './schema.js';

const TicketingEnv = z.object({
  TICKET_SLA_MINUTES: z.string().default(ticketing.DEFAULT_SLA_MINUTES).pipe(ticketing.SlaPolicySetting),
});

runEventSourcedService<z.infer<typeof TicketingEnv>>({
  service: 'ticketing',
  env: TicketingEnv,
  projections: TICKETING_READ_MODELS,
  migrate: migrateTicketingSchema,
  async start({ config, store, logger, shutdown }) {
    const service = createTicketing(store, config.TICKET_SLA_MINUTES);
    const timers = startDurableTimers({
      pool: store.pool,
      lockName: `${service.schema}.sla-breaches`,
      timers: [slaBreachTimer(service)],
      logger,
    });
    shutdown.onShutdown('stop SLA breach timers', () => timers.stop());
    return TicketingModule.with(service);
  },
});
