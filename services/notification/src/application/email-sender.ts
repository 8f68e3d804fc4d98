import { LockMode, type MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '@omni/contracts';
import nodemailer, { type Transporter } from 'nodemailer';
import { EmailDelivery } from '../persistence/entities.js';

export interface EmailSettings {
  readonly smtpUrl: string;
  readonly from: string;
  /** The first retry waits this long; each next one twice as long, up to `maxRetryDelayMs`. */
  readonly retryBaseMs: number;
  readonly maxRetryDelayMs: number;
  /** A delivery still not sent this long after it was queued is given up (`failed`): 24 h by default. */
  readonly giveUpAfterMs: number;
  /** How often the queue is looked at when nothing was due. */
  readonly pollMs: number;
}

export interface RunningSender {
  stop(): Promise<void>;
}

/**
 * Works off the e-mail queue: each due delivery is locked (`FOR UPDATE SKIP LOCKED`, so replicas
 * share the queue and never send one row at once), sent, and recorded in the same transaction. A
 * refused or unreachable SMTP server is retried with exponential backoff; a permanent rejection
 * (5xx) or a delivery older than `giveUpAfterMs` is `failed`. A crash between the SMTP server's
 * acceptance and the commit sends that e-mail again, with the same Message-ID (README: guarantee).
 */
export function startEmailSender(orm: MikroORM, settings: EmailSettings, logger: Logger): RunningSender {
  const transport = nodemailer.createTransport({
    url: settings.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      try {
        if (await sendOneDue(orm, transport, settings, logger)) continue;
      } catch (error) {
        logger.warn({ err: error }, 'the e-mail queue could not be read; trying again');
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, settings.pollMs).unref();
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      transport.close();
    },
  };
}

/** Sends the delivery due first, if any; false when none is due. */
async function sendOneDue(
  orm: MikroORM,
  transport: Transporter,
  settings: EmailSettings,
  logger: Logger,
): Promise<boolean> {
  return orm.em.fork().transactional(async (em) => {
    const due = await em.findOne(
      EmailDelivery,
      { status: 'pending', nextAttemptAt: { $lte: new Date() } },
      { orderBy: { nextAttemptAt: 'asc' }, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
    if (!due) return false;
    due.attempts += 1;
    try {
      await transport.sendMail({
        from: settings.from,
        to: due.toAddress,
        subject: due.subject,
        text: due.body,
        messageId: due.messageId,
      });
      due.status = 'sent';
      due.sentAt = new Date();
      due.lastError = null;
    } catch (error) {
      recordFailure(due, error, settings);
      logger.warn({ notificationId: due.notificationId, attempts: due.attempts, status: due.status }, `e-mail not sent: ${due.lastError}`);
    }
    return true;
  });
}

function recordFailure(due: EmailDelivery, error: unknown, settings: EmailSettings): void {
  const responseCode = (error as { responseCode?: number }).responseCode;
  due.lastError = error instanceof Error ? error.message.slice(0, 500) : String(error);
  const rejected = responseCode !== undefined && responseCode >= 500;
  const tooOld = Date.now() - due.createdAt.getTime() >= settings.giveUpAfterMs;
  if (rejected || tooOld) {
    due.status = 'failed';
    return;
  }
  const delay = Math.min(settings.retryBaseMs * 2 ** (due.attempts - 1), settings.maxRetryDelayMs);
  due.nextAttemptAt = new Date(Date.now() + delay);
}
