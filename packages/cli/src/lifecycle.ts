/**
 * How an `omni` command ends: on SIGINT/SIGTERM it closes what it opened, but never waits on a
 * server that is gone (a bounded close, then exit); an expected failure is one line on stderr.
 */

/** A failure the operator can act on: printed as one line, without a stack trace. */
export class CliError extends Error {}

/** Closing connections on a signal may take this long before the process exits regardless. */
const SIGNAL_GRACE_MS = 2_000;
const EXIT_CODE_BY_SIGNAL = { SIGINT: 130, SIGTERM: 143 } as const;

const shutdownTasks = new Set<() => Promise<unknown>>();

/** Registers something to close when the command is interrupted; returns its cancellation. */
export function onShutdown(task: () => Promise<unknown>): () => void {
  shutdownTasks.add(task);
  return () => shutdownTasks.delete(task);
}

/**
 * The exit code follows the shell convention (128 + signal number). A second signal exits at once,
 * as does the grace period running out.
 */
export function exitOnSignals(): void {
  for (const [signal, code] of Object.entries(EXIT_CODE_BY_SIGNAL)) {
    process.once(signal, () => {
      process.once(signal, () => process.exit(code));
      setTimeout(() => process.exit(code), SIGNAL_GRACE_MS).unref();
      void Promise.allSettled([...shutdownTasks].map((task) => task())).then(() => process.exit(code));
    });
  }
}

/** The last word of a failed command: `omni: <reason>`, exit code 1. */
export function exitWithError(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`omni: ${message.split('\n')[0]}\n`);
  process.exit(1);
}
