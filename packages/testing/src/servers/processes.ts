import { execFileSync } from 'node:child_process';

/**
 * Whether `pid` runs a program whose command line contains `command` (e.g. its data directory). A pid file can outlive its
 * process and the number be reused by an unrelated one, which must never be signalled.
 */
export function isRunning(pid: number, command: string): boolean {
  try {
    const args = execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
    return args.includes(command);
  } catch {
    return false; // ps exits 1 when there is no such process
  }
}

/** Signals a process we did not spawn (no exit event to wait on) and polls until it is gone. */
export async function stopProcess(pid: number, command: string, signal: NodeJS.Signals, timeoutMs: number) {
  process.kill(pid, signal);
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid, command)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
