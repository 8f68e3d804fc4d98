import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { streamName, type Actor, type CloudEvent, type Logger } from '@omni/contracts';
import { readBacklog } from './backlog.js';
import type { FeedListener, LiveFeed, StreamMessage } from './live-feed.js';
import { streamAccess } from './stream-access.js';
import { checkFilter } from './subject-filter.js';

/**
 * One subscription to a service's events, whatever carries it (WebSocket frames or Server-Sent
 * Events): the filter and the rights are checked here, the backlog-then-live seam is kept here and
 * the slow-consumer limits are applied here, so both transports behave the same (docs/realtime.md).
 */

export interface SubscriptionLimits {
  /** Bytes queued on the transport before it counts as not keeping up. */
  readonly maxBufferedBytes: number;
  /** Live events held while the backlog is read. */
  readonly maxPendingEvents: number;
}

export interface SubscriptionEngine {
  readonly nats: NatsConnection;
  readonly feedFor: (stream: string) => Promise<LiveFeed>;
  readonly logger: Logger;
  readonly limits: SubscriptionLimits;
}

/** What a transport does with what the subscription produces. */
export interface SubscriptionSink {
  /** The stream's head when the subscription took effect: events after it are live. */
  subscribed(stream: string, lastSeq: number): void;
  event(message: StreamMessage, stream: string): void;
  /** Bytes written to the transport and not yet taken by the client. */
  bufferedBytes(): number;
  /** The client does not keep up: the transport is to be closed (it resumes from its last sequence). */
  overflow(): void;
}

export interface SubscriptionRefusal {
  readonly code: 'bad_request' | 'forbidden' | 'not_found';
  readonly message: string;
}

export interface SubscriptionRequest {
  readonly stream: string;
  readonly filter: string;
  readonly since: number | undefined;
  /** Set when the subscriber may read only some of the events (staff: their own shifts). */
  readonly admits: ((event: CloudEvent) => boolean) | undefined;
}

/** Checks a filter, a `since` and the actor's rights to it; the same answer for every transport. */
export function requestSubscription(
  actor: Actor,
  filter: unknown,
  since: unknown,
): SubscriptionRequest | SubscriptionRefusal {
  if (since !== undefined && !(Number.isSafeInteger(since) && (since as number) >= 0)) {
    return { code: 'bad_request', message: 'since must be a stream sequence (an integer >= 0)' };
  }
  const check = checkFilter(filter);
  if (!check.ok) return { code: check.code, message: check.message };
  const access = streamAccess(actor, check.service, filter as string);
  if (!access.allowed) {
    return { code: 'forbidden', message: `your role may not read these ${check.service} events` };
  }
  return {
    stream: streamName(check.service),
    filter: filter as string,
    since: since as number | undefined,
    admits: access.admits,
  };
}

export function isRefusal(
  request: SubscriptionRequest | SubscriptionRefusal,
): request is SubscriptionRefusal {
  return 'code' in request;
}

export class EventSubscription implements FeedListener {
  readonly filter: string;
  /** Highest sequence sent: every event after it is sent once, in order. */
  private lastSent = 0;
  /** Until the backlog (or the head) is known, live events wait here. */
  private pending: StreamMessage[] | undefined = [];
  private closed = false;

  constructor(
    private readonly request: SubscriptionRequest,
    private readonly engine: SubscriptionEngine,
    private readonly sink: SubscriptionSink,
  ) {
    this.filter = request.filter;
  }

  /** Live first, then the head, then the backlog up to it: nothing falls between, nothing twice. */
  async start(): Promise<SubscriptionRefusal | undefined> {
    const { stream, filter, since } = this.request;
    try {
      (await this.engine.feedFor(stream)).add(this);
      const head = (await (await jetstreamManager(this.engine.nats)).streams.info(stream)).state.last_seq;
      this.lastSent = since ?? head;
      this.sink.subscribed(stream, head);
      if (since !== undefined) {
        await readBacklog(this.engine.nats, { stream, filter, since, head }, (m) => {
          this.send(m);
          return !this.closed;
        });
      }
      this.goLive();
      return undefined;
    } catch (error) {
      this.close();
      const missing = (error as { message?: string }).message?.includes('stream not found');
      this.engine.logger.warn({ err: error, stream }, 'subscription failed');
      return missing
        ? { code: 'not_found', message: `no stream ${stream} yet` }
        : { code: 'bad_request', message: 'could not subscribe' };
    }
  }

  deliver(message: StreamMessage): void {
    if (this.closed) return;
    if (this.pending) {
      this.pending.push(message);
      if (this.pending.length > this.engine.limits.maxPendingEvents) this.overflow();
      return;
    }
    this.send(message);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending = undefined;
    void this.engine.feedFor(this.request.stream).then(
      (feed) => feed.remove(this),
      () => undefined,
    );
  }

  /** The seam: live events held during the backlog are sent if the backlog did not already send them. */
  private goLive(): void {
    const held = this.pending ?? [];
    this.pending = undefined;
    for (const message of held) this.send(message);
  }

  private send(message: StreamMessage): void {
    if (message.seq <= this.lastSent || this.closed) return;
    this.lastSent = message.seq;
    if (this.request.admits && !this.request.admits(message.event)) return;
    // Never unbounded memory for one client: past the limit it is cut off and resumes by sequence.
    if (this.sink.bufferedBytes() > this.engine.limits.maxBufferedBytes) return this.overflow();
    this.sink.event(message, this.request.stream);
  }

  private overflow(): void {
    this.close();
    this.sink.overflow();
  }
}
