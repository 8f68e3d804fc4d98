import 'reflect-metadata';
import { runEventSourcedService, startDurableTimers } from '@omni/service-kit';
import { z } from 'zod';
import { createScheduling } from './application/context.js';
import { shiftTimers } from './application/shift-timers.js';
import { SchedulingModule } from './module.js';
import { SCHEDULING_READ_MODELS } from './projections/index.js';

const SchedulingEnv = z.object({
  SHIFT_REMINDER_MINUTES: z.coerce.number().nonnegative().default(30),
  CLOCK_IN_GRACE_MINUTES: z.coerce.number().nonnegative().default(15),
});

runEventSourcedService<z.infer<typeof SchedulingEnv>>({
  service: 'scheduling',
  env: SchedulingEnv,
  projections: SCHEDULING_READ_MODELS,
  async start({ config, store, logger, shutdown }) {
    const scheduling = createScheduling(store);
    const timers = startDurableTimers({
      pool: store.pool,
      lockName: `${scheduling.schema}.shift-timers`,
      timers: shiftTimers(scheduling, {
        reminderMinutes: config.SHIFT_REMINDER_MINUTES,
        clockInGraceMinutes: config.CLOCK_IN_GRACE_MINUTES,
      }),
      logger,
    });
    shutdown.onShutdown('stop shift timers', () => timers.stop());
    return SchedulingModule.with(scheduling);
  },
});
