import type { NatsConnection } from '@nats-io/nats-core';
import { streamName, type Actor, type Logger } from '@omni/contracts';
import { jetstreamManager } from '@nats-io/jetstream';
import type { WebSocket } from 'ws';
import { readBacklog } from './backlog.js';
import type { FeedListener, LiveFeed, StreamMessage } from './live-feed.js';
import { checkFilter } from './subject-filter.js';
import { streamAccess } from './stream-access.js';

export const SLOW_CONSUMER_CLOSE_CODE = 4008;

export interface SessionLimits {
  readonly maxSubscriptions: number;
  /** Bytes queued on a socket before it counts as not keeping up. */
  readonly maxBufferedBytes: number;
  /** Live events held per subscription while its backlog is read. */
  readonly maxPendingEvents: number;
}

export interface SessionDependencies {
  readonly nats: NatsConnection;
  readonly feedFor: (stream: string) => Promise<LiveFeed>;
  readonly logger: Logger;
  readonly limits: SessionLimits;
  readonly onSlowConsumer: () => void;
}

interface Subscription extends FeedListener {
  readonly id: string;
  readonly stream: string;
  /** Set when the subscriber may read only some of the events (staff: their own shifts). */
  readonly admits: ((event: StreamMessage['event']) => boolean) | undefined;
  /** Highest sequence sent: every event after it is sent once, in order. */
  lastSent: number;
  /** Until the backlog (or the head) is known, live events wait here. */
  pending: StreamMessage[] | undefined;
  closed: boolean;
}

type ClientFrame = { op?: unknown; id?: unknown; subject?: unknown; since?: unknown };

/** One WebSocket: its subscriptions, their seams between backlog and live, and its limits (CONTRACT §7). */
export class RealtimeSession {
  private readonly subscriptions = new Map<string, Subscription>();
  private closed = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly actor: Actor,
    private readonly deps: SessionDependencies,
  ) {}

  async handle(raw: string): Promise<void> {
    let frame: ClientFrame;
    try {
      frame = JSON.parse(raw) as ClientFrame;
    } catch {
      return this.error(undefined, 'bad_request', 'frames must be JSON objects');
    }
    if (typeof frame !== 'object' || frame === null)
      return this.error(undefined, 'bad_request', 'frames must be JSON objects');
    if (frame.op === 'ping') return this.send({ op: 'pong' });
    const id =
      typeof frame.id === 'string' && frame.id.length > 0 && frame.id.length <= 100 ? frame.id : undefined;
    if (frame.op === 'subscribe') return this.subscribe(id, frame.subject, frame.since);
    if (frame.op === 'unsubscribe') return this.unsubscribe(id);
    return this.error(id, 'bad_request', 'op must be subscribe, unsubscribe or ping');
  }

  close(): void {
    this.closed = true;
    for (const subscription of this.subscriptions.values()) this.drop(subscription);
    this.subscriptions.clear();
  }

  private async subscribe(id: string | undefined, filter: unknown, since: unknown): Promise<void> {
    if (!id)
      return this.error(undefined, 'bad_request', 'subscribe needs an id (a string of 1 to 100 characters)');
    if (this.subscriptions.has(id)) return this.error(id, 'bad_request', `subscription ${id} exists already`);
    if (since !== undefined && !(Number.isSafeInteger(since) && (since as number) >= 0)) {
      return this.error(id, 'bad_request', 'since must be a stream sequence (an integer >= 0)');
    }
    if (this.subscriptions.size >= this.deps.limits.maxSubscriptions) {
      return this.error(
        id,
        'too_many_subscriptions',
        `at most ${this.deps.limits.maxSubscriptions} subscriptions per socket`,
      );
    }
    const check = checkFilter(filter);
    if (!check.ok) return this.error(id, check.code, check.message);
    const access = streamAccess(this.actor, check.service, filter as string);
    if (!access.allowed) {
      return this.error(id, 'forbidden', `your role may not read these ${check.service} events`);
    }
    const stream = streamName(check.service);
    const subscription: Subscription = {
      id,
      stream,
      filter: filter as string,
      admits: access.admits,
      lastSent: 0,
      pending: [],
      closed: false,
      deliver: (message) => this.deliver(subscription, message),
    };
    this.subscriptions.set(id, subscription);
    try {
      (await this.deps.feedFor(stream)).add(subscription); // live first: nothing after the head is missed
      const head = (await (await jetstreamManager(this.deps.nats)).streams.info(stream)).state.last_seq;
      subscription.lastSent = since === undefined ? head : (since as number);
      this.send({ op: 'subscribed', id, subject: subscription.filter, stream, lastSeq: head });
      if (since !== undefined) {
        await readBacklog(
          this.deps.nats,
          { stream, filter: subscription.filter, since: since as number, head },
          (m) => {
            this.sendEvent(subscription, m);
            return !subscription.closed && !this.closed;
          },
        );
      }
      this.goLive(subscription);
    } catch (error) {
      this.subscriptions.delete(id);
      this.drop(subscription);
      const missing = (error as { message?: string }).message?.includes('stream not found');
      this.deps.logger.warn({ err: error, stream }, 'subscription failed');
      this.error(
        id,
        missing ? 'not_found' : 'bad_request',
        missing ? `no stream ${stream} yet` : 'could not subscribe',
      );
    }
  }

  private unsubscribe(id: string | undefined): void {
    const subscription = id ? this.subscriptions.get(id) : undefined;
    if (!subscription) return this.error(id, 'not_found', `no subscription ${id ?? ''}`);
    this.subscriptions.delete(subscription.id);
    this.drop(subscription);
  }

  private deliver(subscription: Subscription, message: StreamMessage): void {
    if (subscription.pending) {
      subscription.pending.push(message);
      if (subscription.pending.length > this.deps.limits.maxPendingEvents) this.slowConsumer();
      return;
    }
    this.sendEvent(subscription, message);
  }

  /** The seam: live events held during the backlog are sent if the backlog did not already send them. */
  private goLive(subscription: Subscription): void {
    const held = subscription.pending ?? [];
    subscription.pending = undefined;
    for (const message of held) this.sendEvent(subscription, message);
  }

  private sendEvent(subscription: Subscription, message: StreamMessage): void {
    if (message.seq <= subscription.lastSent || subscription.closed) return;
    subscription.lastSent = message.seq;
    if (subscription.admits && !subscription.admits(message.event)) return;
    this.send({
      op: 'event',
      id: subscription.id,
      subject: message.subject,
      stream: subscription.stream,
      seq: message.seq,
      event: message.event,
    });
  }

  private send(frame: object): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > this.deps.limits.maxBufferedBytes) return this.slowConsumer();
    this.socket.send(JSON.stringify(frame));
  }

  private error(id: string | undefined, code: string, message: string): void {
    this.send({ op: 'error', ...(id ? { id } : {}), code, message });
  }

  /** Never unbounded memory for one socket: close it (4008) and let the client resume with `since`. */
  private slowConsumer(): void {
    if (this.closed) return;
    this.deps.onSlowConsumer();
    this.close();
    this.socket.close(SLOW_CONSUMER_CLOSE_CODE, 'slow consumer: resume with since');
  }

  private drop(subscription: Subscription): void {
    subscription.closed = true;
    subscription.pending = undefined;
    void this.deps.feedFor(subscription.stream).then(
      (feed) => feed.remove(subscription),
      () => undefined,
    );
  }
}
