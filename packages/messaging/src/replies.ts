import { createInbox, type MsgHdrs, type Msg, type NatsConnection } from '@nats-io/nats-core';
import { createTurnBatch } from './rpc/turn-batch.js';

/** Why a request got no answer: nobody listens or nobody answered in time, or NATS is unreachable. */
export class NoReply extends Error {
  constructor(
    readonly reason: 'did not answer' | 'could not be reached',
    options?: { cause?: unknown },
  ) {
    super(`no reply: ${reason}`, options);
  }
}

interface Waiting {
  readonly timer: NodeJS.Timeout;
  resolve(reply: Msg): void;
  reject(error: NoReply): void;
}

/**
 * Request/reply over one reply subscription (`<inbox>.<n>`), answers matched by a counter, one timer
 * per request. nats.js's own `request()` (which `js.publish` and the key-value gets use too) builds
 * two `Error` objects with stack traces per call even when it succeeds: ~10% of the gateway's CPU
 * under load, ~6% of a service publishing its events (bench/README.md). Requests made in one
 * event-loop turn leave in one socket write (turn-batch.ts).
 */
export class ReplyInbox {
  private readonly inbox = `${createInbox()}.`;
  private readonly waiting = new Map<string, Waiting>();
  private readonly sendInThisTurn = createTurnBatch();
  private nextToken = 0;

  constructor(private readonly nats: NatsConnection) {
    nats.subscribe(`${this.inbox}*`, { callback: (_error, reply) => this.settle(reply) });
    void nats.closed().then(() => {
      for (const token of [...this.waiting.keys()]) this.fail(token, 'could not be reached');
    });
  }

  /** The reply; `NoReply` when nobody listens on `subject`, nobody answers in time, or NATS is gone. */
  request(
    subject: string,
    payload: string | Uint8Array,
    { headers, timeoutMs }: { headers?: MsgHdrs | undefined; timeoutMs: number },
  ): Promise<Msg> {
    const token = String(this.nextToken++);
    return new Promise<Msg>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(token, 'did not answer'), timeoutMs);
      this.waiting.set(token, { timer, resolve, reject });
      this.sendInThisTurn(() => {
        try {
          this.nats.publish(subject, payload, { reply: this.inbox + token, ...(headers ? { headers } : {}) });
        } catch (error) {
          this.fail(token, 'could not be reached', error);
        }
      });
    });
  }

  private settle(reply: Msg): void {
    const token = reply.subject.slice(this.inbox.length);
    const waiting = this.waiting.get(token);
    if (!waiting) return; // answered after its timeout
    // The server answers a request nobody listens to with an empty 503 status message.
    if (reply.data.length === 0 && reply.headers?.code === 503) return this.fail(token, 'did not answer');
    this.forget(token, waiting);
    waiting.resolve(reply);
  }

  private fail(token: string, reason: NoReply['reason'], cause?: unknown): void {
    const waiting = this.waiting.get(token);
    if (!waiting) return;
    this.forget(token, waiting);
    waiting.reject(new NoReply(reason, { cause }));
  }

  private forget(token: string, waiting: Waiting): void {
    clearTimeout(waiting.timer);
    this.waiting.delete(token);
  }
}
