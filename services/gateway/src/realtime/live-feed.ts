import { DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { silentLogger, type CloudEvent, type Logger } from '@omni/contracts';
import { contextFromTraceparent } from '@omni/messaging';
import { SpanKind, trace } from '@opentelemetry/api';
import { subjectMatches } from './subject-filter.js';

export interface StreamMessage {
  readonly subject: string;
  readonly seq: number;
  readonly event: CloudEvent;
}

export interface FeedListener {
  readonly filter: string;
  deliver(message: StreamMessage): void;
}

const tracer = trace.getTracer('omni-gateway-ws');

/**
 * One live ordered consumer per stream per gateway process, fanned out in-process to every listener
 * whose filter matches (ARCHITECTURE §6). Listeners are indexed by their first literal tokens so an
 * event only visits the filters that can match it.
 */
export class LiveFeed {
  private readonly listeners = new Map<string, Set<FeedListener>>();
  private messages: ConsumerMessages | undefined;

  private constructor(
    readonly stream: string,
    private readonly logger: Logger,
  ) {}

  /** Starts at the stream's current end: everything published from now on is delivered. */
  static async start(nats: NatsConnection, stream: string, logger: Logger = silentLogger): Promise<LiveFeed> {
    const feed = new LiveFeed(stream, logger);
    const { state } = await (await jetstreamManager(nats)).streams.info(stream);
    const consumer = await jetstream(nats).consumers.get(stream, {
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: state.last_seq + 1,
    });
    feed.messages = await consumer.consume();
    void feed.pump();
    return feed;
  }

  add(listener: FeedListener): void {
    const key = indexKey(listener.filter);
    const set = this.listeners.get(key) ?? new Set();
    set.add(listener);
    this.listeners.set(key, set);
  }

  remove(listener: FeedListener): void {
    this.listeners.get(indexKey(listener.filter))?.delete(listener);
  }

  async stop(): Promise<void> {
    await this.messages?.close();
  }

  private async pump(): Promise<void> {
    for await (const message of this.messages!) {
      let event: CloudEvent;
      try {
        event = message.json<CloudEvent>();
      } catch {
        continue; // not an Omni event: nothing a subscriber could use
      }
      const delivered: StreamMessage = { subject: message.subject, seq: message.seq, event };
      // The push belongs to the event's trace, but its own work is not a child of the publish: a link.
      const link = trace.getSpanContext(contextFromTraceparent(event.traceparent));
      const span = tracer.startSpan(`ws push ${message.subject}`, {
        kind: SpanKind.PRODUCER,
        ...(link ? { links: [{ context: link }] } : {}),
      });
      try {
        for (const listener of this.candidates(message.subject)) {
          if (subjectMatches(listener.filter, message.subject)) listener.deliver(delivered);
        }
      } catch (error) {
        this.logger.warn({ err: error }, 'a subscriber failed to take an event');
      } finally {
        span.end();
      }
    }
  }

  private *candidates(subject: string): Iterable<FeedListener> {
    const [service, aggregate] = subject.split('.');
    for (const key of [`${service}`, `${service}.${aggregate}`]) yield* this.listeners.get(key) ?? [];
  }
}

/** `inventory.>` and `inventory.*.x` index under `inventory`; `inventory.product.>` under `inventory.product`. */
function indexKey(filter: string): string {
  const [service, aggregate] = filter.split('.');
  return aggregate && aggregate !== '*' && aggregate !== '>' ? `${service}.${aggregate}` : service!;
}
