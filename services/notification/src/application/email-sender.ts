import { LockMode, type MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '@omni/contracts';
import { connect, type Socket } from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared/index.js';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
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
  const transport = smtpTransport(settings.smtpUrl);
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
      logger.warn(
        { notificationId: due.notificationId, attempts: due.attempts, status: due.status },
        `e-mail not sent: ${due.lastError}`,
      );
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

/** How long to wait for the TCP connection, for the server's greeting, and for any answer after that. */
const CONNECTION_TIMEOUT_MS = 10_000;
const GREETING_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 20_000;

/**
 * One SMTP connection, kept open from one e-mail to the next (reopened when the server drops it). A
 * connection per e-mail paid the server's greeting for every e-mail (smtp-server waits 100 ms before it
 * greets), and Nagle's algorithm held the end of each message until the server's delayed ACK (~40 ms):
 * about 6 e-mails/s in all against the test server, ~20/s with the connection kept, several hundred
 * with Nagle off too.
 *
 * - nodemailer ignores every option given beside `url`, so the URL is parsed here for the timeouts
 *   to apply.
 * - `maxRequeues: 0`: the pool would otherwise send a message again by itself when its connection
 *   closes mid-send, a second copy this loop neither counts nor records; a failed send comes back
 *   here as an error and is retried with backoff like any other.
 */
function smtpTransport(smtpUrl: string): Transporter {
  // `maxRequeues` is an option of nodemailer's pool its type definitions do not list yet.
  const options: SMTPPool.Options & { maxRequeues: number } = {
    ...parseConnectionUrl(smtpUrl),
    pool: true,
    maxConnections: 1,
    maxRequeues: 0,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    getSocket: (options, callback) =>
      connectWithoutDelay(options.host ?? 'localhost', options.port ?? (options.secure ? 465 : 587)).then(
        (connection) => callback(null, { connection }),
        // nodemailer's pool never frees the slot of a connection whose getSocket failed (every later
        // e-mail would wait forever): let it connect by itself, which fails and reports as it should.
        () => callback(null, false),
      ),
  };
  return nodemailer.createTransport(options);
}

/** A TCP connection with Nagle's algorithm off; nodemailer speaks SMTP (and TLS, if asked) over it. */
function connectWithoutDelay(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, noDelay: true, timeout: CONNECTION_TIMEOUT_MS });
    const settle = (error?: Error) => {
      socket.off('error', settle).off('timeout', timedOut).off('connect', connected);
      if (!error) return resolve(socket.setTimeout(0));
      socket.destroy();
      reject(error);
    };
    const timedOut = () => settle(new Error('SMTP connection timeout'));
    const connected = () => settle();
    socket.once('error', settle).once('timeout', timedOut).once('connect', connected);
  });
}
