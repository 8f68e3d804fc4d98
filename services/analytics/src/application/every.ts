import type { Logger } from '@omni/contracts';

export interface PeriodicTask {
  stop(): Promise<void>;
}

/**
 * Runs `task` every `intervalMs`, skipping a tick while the last run is still going; a failure is
 * logged and the next tick tries again (a sample or a publish missed now is taken at the next tick).
 */
export function every(
  intervalMs: number,
  name: string,
  logger: Logger,
  task: () => Promise<void>,
): PeriodicTask {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = task()
      .catch((error: unknown) => logger.warn({ err: error, task: name }, `${name} failed`))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
