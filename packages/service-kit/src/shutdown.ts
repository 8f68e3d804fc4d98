import type { Logger } from '@omni/contracts';

export interface Shutdown {
  /** Steps run in reverse order of registration: the last thing started stops first. */
  onShutdown(name: string, step: () => Promise<unknown> | unknown): void;
  /** Runs the steps once (also on SIGINT/SIGTERM); resolves when all have finished. */
  run(reason: string): Promise<void>;
}

/**
 * Graceful shutdown: stop taking work, finish what is in flight, drain NATS, close the pool. If the
 * steps take longer than `graceMs`, the process exits anyway.
 */
export function createShutdown({ logger, graceMs }: { logger: Logger; graceMs: number }): Shutdown {
  const steps: { name: string; step: () => Promise<unknown> | unknown }[] = [];
  let running: Promise<void> | undefined;

  const run = (reason: string) => {
    running ??= (async () => {
      logger.info({ reason }, 'shutting down');
      const force = setTimeout(() => {
        logger.error({ graceMs }, 'shutdown took too long; exiting');
        process.exit(1);
      }, graceMs);
      force.unref();
      for (const { name, step } of [...steps].reverse()) {
        try {
          await step();
          logger.debug({ step: name }, 'shutdown step done');
        } catch (error) {
          logger.warn({ err: error, step: name }, 'shutdown step failed');
        }
      }
      clearTimeout(force);
      logger.info({}, 'stopped');
    })();
    return running;
  };

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void run(signal).then(() => process.exit(0)));
  }
  return { onShutdown: (name, step) => steps.push({ name, step }), run };
}
