import { silentLogger, type Logger } from '@omni/contracts';
import pg from 'pg';
import { decideOnOrder, type Orders } from './orders.js';

export interface PaymentDeadlines {
  stop(): Promise<void>;
}

/**
 * Cancels orders left awaiting payment longer than ORDER_PAYMENT_TIMEOUT_MS with `payment_timeout`.
 * Deadlines are rows written with the order's status, so they survive restarts; one process leads
 * (advisory lock on its own connection); the decider ignores an order that is no longer awaiting
 * payment, so a deadline fires at most once.
 */
export function startPaymentDeadlines(
  service: Orders,
  { timeoutMs, logger = silentLogger, pollMs = 250 }: { timeoutMs: number; logger?: Logger; pollMs?: number },
): PaymentDeadlines {
  let running = true;
  const loop = (async () => {
    while (running) {
      const leader = new pg.Client(service.store.pool.options);
      leader.on('error', () => undefined);
      try {
        await leader.connect();
        const { rows } = await leader.query<{ locked: boolean }>(
          `SELECT pg_try_advisory_lock(hashtext($1)) AS locked`,
          [`${service.schema}.payment-deadlines`],
        );
        while (running && rows[0]?.locked) {
          await expireDue(service, timeoutMs, logger);
          await sleep(pollMs);
        }
      } catch (error) {
        logger.warn({ err: error }, 'payment deadlines: retrying');
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

async function expireDue(service: Orders, timeoutMs: number, logger: Logger): Promise<void> {
  const { rows } = await service.store.pool.query<{ order_id: string }>(
    `SELECT order_id FROM ${service.schema}.payment_deadlines
      WHERE awaiting_since + make_interval(secs => $1::numeric / 1000) <= now() ORDER BY awaiting_since LIMIT 100`,
    [timeoutMs],
  );
  for (const { order_id: orderId } of rows) {
    const metadata = { correlationId: orderId, causationId: `payment-deadline:${orderId}` };
    await decideOnOrder(service, { type: 'ExpirePayment', orderId }, metadata).catch((error: unknown) =>
      logger.warn({ err: error, orderId }, 'could not expire an order'),
    );
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
