import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type ConsumerConfig,
  type ConsumerMessages,
  type JsMsg,
} from '@nats-io/jetstream';
import { headers as natsHeaders, type MsgHdrs, type NatsConnection } from '@nats-io/nats-core';
import {
  CloudEvent,
  DEAD_LETTER_SUBJECT_PREFIX,
  isOmniError,
  isTransient,
  silentLogger,
  type Logger,
} from '@omni/contracts';
import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { KeyedLanes } from './keyed-lanes.js';
import { ensureDeadLetterStream, isConsumerNotFound } from './streams.js';
import { extractTraceContext } from './trace-context.js';

export interface Delivery {
  readonly subject: string;
  /** Stream sequence. */
  readonly seq: number;
  /** 1 on first delivery. */
  readonly deliveryCount: number;
}

export interface ConsumerOptions {
  readonly nats: NatsConnection;
  readonly stream: string;
  readonly durable: string;
  /** One subject filter, sent as `filter_subject` (NATS 2.9 has no multi-filter consumers). */
  readonly filterSubject: string;
  handle(event: CloudEvent, delivery: Delivery): Promise<void>;
  readonly maxDeliver?: number;
  /** Delay before each redelivery after a transient failure; the last value repeats. */
  readonly backoffMs?: readonly number[];
  readonly ackWaitMs?: number;
  readonly logger?: Logger;
  /** Called for every message sent to the dead-letter stream, e.g. to count it. */
  readonly onDeadLetter?: (reason: string) => void;
  /** Messages of different aggregates handled at once (default 32); one aggregate's stay in order. */
  readonly concurrency?: number;
}

export interface RunningConsumer {
  /** Stops pulling, lets the messages in hand finish. */
  stop(): Promise<void>;
}

const tracer = trace.getTracer('omni-messaging');

/**
 * A durable pull consumer with explicit acks (docs/architecture.md): success acks; a transient failure is
 * redelivered after a backoff; a refusal, an unreadable message or the last allowed delivery goes
 * to the `DLQ` stream with its reason and is terminated. Messages of one aggregate (the subject
 * `<service>.<aggregate>.<id>.<type>` without its type) are handled one at a time, in stream order;
 * messages of different aggregates at the same time, so a burst of events (fifty orders placed) becomes
 * concurrent commands the service's command processor can batch into shared transactions, instead of
 * a queue where each event waits for every commit before it.
 */
export async function startConsumer(options: ConsumerOptions): Promise<RunningConsumer> {
  const { nats, stream, durable } = options;
  const logger = options.logger ?? silentLogger;
  await ensureDeadLetterStream(nats);
  await provisionConsumer(options);
  const consumer = await jetstream(nats).consumers.get(stream, durable);
  const messages: ConsumerMessages = await consumer.consume({ max_messages: 64 });
  const lanes = new KeyedLanes(options.concurrency ?? 32);
  const loop = (async () => {
    for await (const message of messages) {
      await lanes.submit(aggregateOf(message.subject), () =>
        handleMessage(options, message, logger).catch((error: unknown) =>
          logger.error({ err: error, subject: message.subject }, 'consumer failed to settle a message'),
        ),
      );
    }
    await lanes.drain();
  })();
  const retries = listenForRetries(options, logger);
  return {
    async stop() {
      retries.unsubscribe();
      await messages.close();
      await loop;
    },
  };
}

/** `orders.order.<id>.placed` → `orders.order.<id>`: the aggregate whose events must stay in order. */
function aggregateOf(subject: string): string {
  return subject.slice(0, subject.lastIndexOf('.'));
}

async function provisionConsumer(options: ConsumerOptions): Promise<void> {
  const jsm = await jetstreamManager(options.nats);
  const config: Partial<ConsumerConfig> = {
    durable_name: options.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: options.filterSubject,
    max_deliver: options.maxDeliver ?? 5,
    // Short: after a consumer process dies, what it held is redelivered within seconds.
    ack_wait: (options.ackWaitMs ?? 10_000) * 1_000_000,
  };
  const existing = await jsm.consumers.info(options.stream, options.durable).catch((error: unknown) => {
    if (isConsumerNotFound(error)) return undefined;
    throw error;
  });
  if (existing) await jsm.consumers.update(options.stream, options.durable, config);
  else await jsm.consumers.add(options.stream, config);
}

async function handleMessage(options: ConsumerOptions, message: JsMsg, logger: Logger): Promise<void> {
  const delivery = { subject: message.subject, seq: message.seq, deliveryCount: message.info.deliveryCount };
  const parent = extractTraceContext(message.headers);
  const span = tracer.startSpan(
    `process ${message.subject}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: { 'messaging.system': 'nats', 'messaging.destination.name': message.subject },
    },
    parent,
  );
  try {
    const parsed = CloudEvent.safeParse(safeJson(message));
    if (!parsed.success) {
      await deadLetter(
        options,
        message,
        `unreadable: ${parsed.error.issues[0]?.message ?? 'not a CloudEvent'}`,
      );
      return;
    }
    await context.with(trace.setSpan(context.active(), span), () => options.handle(parsed.data, delivery));
    message.ack();
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR });
    await settleFailure(options, message, error, logger);
  } finally {
    span.end();
  }
}

async function settleFailure(
  options: ConsumerOptions,
  message: JsMsg,
  error: unknown,
  logger: Logger,
): Promise<void> {
  const maxDeliver = options.maxDeliver ?? 5;
  const refused = isOmniError(error) && !isTransient(error);
  const reason = `${refused ? 'refused' : 'failed'}: ${(error as Error).message ?? String(error)}`;
  if (refused || message.info.deliveryCount >= maxDeliver) {
    logger.warn({ subject: message.subject, reason }, 'dead-lettering a message');
    await deadLetter(options, message, reason);
    return;
  }
  const backoff = options.backoffMs ?? [200, 1000, 5000];
  const delay = backoff[Math.min(message.info.deliveryCount - 1, backoff.length - 1)] ?? 1000;
  logger.info(
    { subject: message.subject, delay, deliveryCount: message.info.deliveryCount, reason },
    'will redeliver',
  );
  message.nak(delay);
}

/** Copies the message to `dlq.<stream>.<durable>` with why and where it came from, then terminates it. */
async function deadLetter(options: ConsumerOptions, message: JsMsg, reason: string): Promise<void> {
  const headers = natsHeaders();
  for (const [key, values] of message.headers ?? []) {
    if (key !== 'Nats-Msg-Id') for (const value of values) headers.append(key, value);
  }
  headers.set('Omni-Dlq-Reason', reason.slice(0, 1000));
  headers.set('Omni-Dlq-Stream', options.stream);
  headers.set('Omni-Dlq-Sequence', String(message.seq));
  headers.set('Omni-Dlq-Subject', message.subject);
  headers.set('Omni-Dlq-Consumer', options.durable);
  await jetstream(options.nats).publish(
    `${DEAD_LETTER_SUBJECT_PREFIX}.${options.stream}.${options.durable}`,
    message.data,
    {
      headers,
    },
  );
  options.onDeadLetter?.(reason);
  message.term(reason);
}

/** Where `omni dlq retry` sends a dead letter back to the one consumer that gave up on it. */
export const retrySubject = (stream: string, durable: string) => `omni.retry.${stream}.${durable}`;

/**
 * A retried dead letter is handled once more by this consumer (one instance of it: queue group);
 * the handler's inbox keeps the effect single. Failing again puts it back in the DLQ.
 */
function listenForRetries(options: ConsumerOptions, logger: Logger) {
  return options.nats.subscribe(retrySubject(options.stream, options.durable), {
    queue: options.durable,
    callback: (error, message) => {
      if (error) return;
      void (async () => {
        try {
          const event = CloudEvent.parse(message.json());
          const subject = message.headers?.get('Omni-Dlq-Subject') ?? '';
          const seq = Number(message.headers?.get('Omni-Dlq-Sequence') ?? 0);
          await options.handle(event, { subject, seq, deliveryCount: 1 });
          message.respond(JSON.stringify({ ok: true }));
        } catch (failure) {
          logger.warn({ err: failure }, 'a retried dead letter failed again');
          await jetstream(options.nats).publish(
            `${DEAD_LETTER_SUBJECT_PREFIX}.${options.stream}.${options.durable}`,
            message.data,
            {
              headers: withReason(message.headers, `retry failed: ${(failure as Error).message}`),
            },
          );
          message.respond(JSON.stringify({ ok: false, reason: (failure as Error).message }));
        }
      })();
    },
  });
}

function withReason(original: MsgHdrs | undefined, reason: string): MsgHdrs {
  const headers = natsHeaders();
  for (const [key, values] of original ?? []) for (const value of values) headers.append(key, value);
  headers.set('Omni-Dlq-Reason', reason.slice(0, 1000));
  return headers;
}

function safeJson(message: JsMsg): unknown {
  try {
    return message.json();
  } catch {
    return undefined;
  }
}
