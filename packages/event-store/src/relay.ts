import {
  JetStreamApiError,
  PubHeaders,
  jetstreamManager,
  type ApiError,
  type PubAck,
} from '@nats-io/jetstream';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/nats-core';
import { silentLogger, streamName, toCloudEvent, type Logger } from '@omni/contracts';
import { ReplyInbox, contextFromTraceparent, ensureServiceStream, injectTraceContext } from '@omni/messaging';
import { SpanKind, context, trace } from '@opentelemetry/api';
import pg from 'pg';
import { eventsChannel } from './migrate.js';
import { POSITION_HEADER, formatPosition, readStreamHead, type StreamHead } from './relay-position.js';
import type { EventStore } from './store.js';
import type { Position, StoredEvent } from './types.js';

export interface RelayOptions {
  readonly store: EventStore;
  readonly nats: NatsConnection;
  readonly logger?: Logger;
  /** Publishes awaiting their ack at once. */
  readonly maxInFlight?: number;
  /** Fallback when a NOTIFY is missed. */
  readonly pollIntervalMs?: number;
  readonly batchSize?: number;
}

export interface Relay {
  stop(): Promise<void>;
  readonly isLeader: boolean;
  /** How far publishing is behind the log: events read but not yet acknowledged, and their age. */
  lag(): { events: number; ms: number };
}

const tracer = trace.getTracer('omni-relay');

/** How long a publish waits for JetStream's ack (nats.js's own default). */
const PUBLISH_TIMEOUT_MS = 5000;

/** JetStream's answer to a publish: the ack, or its refusal (a wrong expected sequence, say) thrown. */
function pubAckOf(answer: PubAck | { error: ApiError }): PubAck {
  if ('error' in answer) throw new JetStreamApiError(answer.error);
  return { ...answer, duplicate: answer.duplicate ?? false };
}

/**
 * Publishes the service's committed events to its JetStream stream, in store order, exactly once per
 * event id (ARCHITECTURE §4). One leader per service holds an advisory lock; the position comes from
 * the stream at every start, and every publish expects the stream's last sequence, so neither a
 * crash nor a second writer can duplicate or skip an event.
 */
export async function startRelay(options: RelayOptions): Promise<Relay> {
  const relay = new EventRelay(options);
  relay.start();
  return relay;
}

class EventRelay implements Relay {
  private readonly store: EventStore;
  private readonly logger: Logger;
  /** Publishes are requests whose replies are JetStream's acks (replies.ts: no errors built per call). */
  private readonly replies: ReplyInbox;
  private readonly stream: string;
  private running = true;
  private leader = false;
  private loop: Promise<void> = Promise.resolve();
  /** Set by a notification that arrives while the relay is busy, so the next idle does not sleep. */
  private woken = false;
  private endIdle: (() => void) | undefined;
  private pending = { events: 0, oldest: 0 };

  constructor(private readonly options: RelayOptions) {
    this.store = options.store;
    this.logger = options.logger ?? silentLogger;
    this.replies = new ReplyInbox(options.nats);
    this.stream = streamName(options.store.service);
  }

  get isLeader(): boolean {
    return this.leader;
  }

  lag() {
    return { events: this.pending.events, ms: this.pending.events ? Date.now() - this.pending.oldest : 0 };
  }

  start(): void {
    this.loop = this.runForever();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  private async runForever(): Promise<void> {
    while (this.running) {
      try {
        await this.leadWhileElected();
      } catch (error) {
        this.logger.warn({ err: error }, 'relay stopped publishing; electing again');
      }
      this.leader = false;
      if (this.running) await this.idle(1000);
    }
  }

  /**
   * Holds the advisory lock on a dedicated connection (outside the pool: it lives as long as the
   * leadership) for as long as this instance leads.
   */
  private async leadWhileElected(): Promise<void> {
    const client = new pg.Client(this.store.pool.options);
    let broken = false;
    client.on('error', () => (broken = true));
    try {
      await client.connect();
      const lockKey = `${this.store.schema}.relay`;
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
        [lockKey],
      );
      if (!rows[0]?.locked) return;
      this.leader = true;
      this.logger.info({ stream: this.stream }, 'relay elected leader');
      await this.listen(client);
      await this.publishWhileLeading(() => broken);
    } finally {
      this.leader = false;
      // Ending the session releases the advisory lock and LISTEN.
      await client.end().catch(() => undefined);
    }
  }

  private async listen(client: pg.Client): Promise<void> {
    client.on('notification', () => this.wake());
    await client.query(`LISTEN ${eventsChannel(this.store.schema)}`);
  }

  private async publishWhileLeading(connectionBroken: () => boolean): Promise<void> {
    await ensureServiceStream(this.options.nats, this.store.service);
    const jsm = await jetstreamManager(this.options.nats);
    // `lastEventId` is known only for what this session published itself.
    let head: StreamHead & { lastEventId?: string } = await readStreamHead(jsm, this.stream);
    this.logger.info(
      { position: formatPosition(head.position), lastSequence: head.lastSequence },
      'relay resumes',
    );
    const pollIntervalMs = this.options.pollIntervalMs ?? 1000;
    let heldBackMs = 1;
    while (this.running && !connectionBroken()) {
      const { events, heldBack } = await this.readFinal(head.position);
      if (events.length > 0) {
        heldBackMs = 1;
        head = await this.publishInOrder(events, head);
      } else if (heldBack) {
        // Committed events wait behind an older open transaction, whose end sends no NOTIFY when it
        // wrote no events: look again soon, backing off towards the poll interval.
        await this.idle(heldBackMs);
        heldBackMs = Math.min(heldBackMs * 2, pollIntervalMs);
      } else {
        await this.idle(pollIntervalMs);
      }
    }
  }

  /**
   * The next events after `position` that no older transaction can still precede, and whether
   * committed events wait behind a transaction still running (store.ts, `readCommitted`).
   */
  private async readFinal(position: Position): Promise<{ events: StoredEvent[]; heldBack: boolean }> {
    const { events, final } = await this.store.readCommitted(position, {
      limit: this.options.batchSize ?? 1000,
    });
    return { events: events.slice(0, final), heldBack: final < events.length };
  }

  /**
   * Pipelines the batch with a bounded window; returns the new head once every publish is acked.
   * Each publish expects both the stream's last sequence and the event before it as the stream's
   * last message: with the sequence alone, once a foreign message took a sequence number, the
   * publish after the refused one would match the shifted sequence and land, leaving a hole.
   */
  private async publishInOrder(
    events: readonly StoredEvent[],
    head: { lastSequence: number; lastEventId?: string },
  ) {
    const window = this.options.maxInFlight ?? 256;
    const inFlight: Promise<PubAck>[] = [];
    this.pending = { events: events.length, oldest: events[0]!.recordedAt.getTime() };
    let sequence = head.lastSequence;
    let previousId = head.lastEventId;
    let acked = 0;
    for (const event of events) {
      if (inFlight.length - acked >= window) await this.confirm(inFlight[acked++]!, events[acked - 1]!);
      inFlight.push(this.publish(event, { lastSequence: sequence++, lastMsgID: previousId }));
      previousId = event.eventId;
    }
    while (acked < inFlight.length) await this.confirm(inFlight[acked++]!, events[acked - 1]!);
    this.pending = { events: 0, oldest: 0 };
    const last = events[events.length - 1]!;
    return {
      position: this.store.positionOf(last) as Position,
      lastSequence: sequence,
      lastEventId: last.eventId,
    };
  }

  private async confirm(ack: Promise<PubAck>, event: StoredEvent): Promise<void> {
    const { duplicate } = await ack;
    // The dedupe window still knew this id although the stream does not hold it after our head:
    // stop and let the next election re-read the head instead of publishing past a hole.
    if (duplicate) throw new Error(`event ${event.eventId} was reported as a duplicate`);
    this.pending = { events: this.pending.events - 1, oldest: this.pending.oldest };
  }

  private publish(
    event: StoredEvent,
    expect: { lastSequence: number; lastMsgID: string | undefined },
  ): Promise<PubAck> {
    const [aggregate, ...rest] = event.streamId.split('-');
    const aggregateId = rest.join('-');
    const subject = `${this.store.service}.${aggregate}.${aggregateId}.${event.eventType}`;
    const envelope = toCloudEvent({
      eventId: event.eventId,
      service: this.store.service,
      aggregate: aggregate!,
      aggregateId,
      eventType: event.eventType,
      data: event.data,
      streamVersion: event.streamVersion,
      recordedAt: event.recordedAt,
      metadata: event.metadata,
    });
    const parent = contextFromTraceparent(event.metadata.traceparent);
    const span = tracer.startSpan(`publish ${subject}`, { kind: SpanKind.PRODUCER }, parent);
    const headers = natsHeaders();
    headers.set(POSITION_HEADER, formatPosition(this.store.positionOf(event)));
    headers.set(PubHeaders.MsgIdHdr, event.eventId);
    headers.set(PubHeaders.ExpectedLastSeqHdr, String(expect.lastSequence));
    if (expect.lastMsgID !== undefined) headers.set(PubHeaders.ExpectedLastMsgIdHdr, expect.lastMsgID);
    injectTraceContext(headers, trace.setSpan(context.active(), span));
    const ack = this.replies
      .request(subject, JSON.stringify(envelope), { headers, timeoutMs: PUBLISH_TIMEOUT_MS })
      .then((reply) => pubAckOf(reply.json<PubAck | { error: ApiError }>()));
    const confirmed = ack.finally(() => span.end());
    // Once one publish fails, the batch is abandoned and the publishes behind it in the window are
    // never awaited; their failures (the same wrong sequence) must not end the process.
    confirmed.catch(() => undefined);
    return confirmed;
  }

  private wake(): void {
    this.woken = true;
    this.endIdle?.();
  }

  private idle(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.endIdle = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.endIdle = done;
    });
  }
}
