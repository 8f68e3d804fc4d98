import { silentLogger, type Logger } from '@omni/contracts';
import pg from 'pg';

/**
 * One kind of durable timer: a table with a row per armed timer, written by the command that arms it
 * (an inline read model, so in the command's transaction) and deleted by the events that disarm it.
 * A row fires `delayMs` after its anchor instant (negative: before it).
 */
export interface DurableTimer {
  /** For logs, e.g. `payment-deadline`. */
  readonly name: string;
  /** Schema-qualified: `orders.payment_deadlines`. */
  readonly table: string;
  readonly keyColumn: string;
  readonly anchorColumn: string;
  readonly delayMs: number;
  /**
   * Runs the timer's command through the service's command processor. Its decider must decide
   * nothing for a timer that already fired, so a second firing (a crash after the commit, another
   * replica that led for a while) has no effect; its events delete the row.
   */
  fire(key: string): Promise<void>;
}

export interface DurableTimersOptions {
  readonly pool: pg.Pool;
  /** One leader per name across replicas, e.g. `<schema>.timers`. */
  readonly lockName: string;
  readonly timers: readonly DurableTimer[];
  readonly logger?: Logger;
  readonly pollMs?: number;
}

export interface DurableTimers {
  stop(): Promise<void>;
}

/** Rows due per timer per poll: the rest wait for the next one, so one poll stays short. */
const DUE_PER_POLL = 100;

/**
 * Fires due timers from one process at a time: the leader holds a session advisory lock on its own
 * connection, so when it dies the lock goes with the connection and another replica takes over.
 * Timers are rows, so they survive restarts; due ones are fired on the next poll after any outage.
 */
export function startDurableTimers({
  pool,
  lockName,
  timers,
  logger = silentLogger,
  pollMs = 250,
}: DurableTimersOptions): DurableTimers {
  let running = true;
  const loop = (async () => {
    while (running) {
      const leader = new pg.Client(pool.options);
      leader.on('error', () => undefined);
      try {
        await leader.connect();
        const { rows } = await leader.query<{ locked: boolean }>(
          `SELECT pg_try_advisory_lock(hashtext($1)) AS locked`,
          [lockName],
        );
        while (running && rows[0]?.locked) {
          for (const timer of timers) await fireDue(pool, timer, logger);
          await sleep(pollMs);
        }
      } catch (error) {
        logger.warn({ err: error, lockName }, 'durable timers: retrying');
      } finally {
        await leader.end().catch(() => undefined);
      }
      if (running) await sleep(1000);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
    },
  };
}

async function fireDue(pool: pg.Pool, timer: DurableTimer, logger: Logger): Promise<void> {
  const { rows } = await pool.query<{ key: string }>(
    `SELECT ${timer.keyColumn}::text AS key FROM ${timer.table}
      WHERE ${timer.anchorColumn} + make_interval(secs => $1::numeric / 1000) <= now()
      ORDER BY ${timer.anchorColumn} LIMIT ${DUE_PER_POLL}`,
    [timer.delayMs],
  );
  // Fired together, so the command processor can commit them in one transaction.
  await Promise.all(
    rows.map(({ key }) =>
      timer
        .fire(key)
        .catch((error: unknown) =>
          logger.warn({ err: error, timer: timer.name, key }, 'a timer failed to fire'),
        ),
    ),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
