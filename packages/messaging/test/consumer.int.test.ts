import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/nats-core';
import { BusinessRuleError, newId, toCloudEvent, type CloudEvent } from '@omni/contracts';
import {
  connectNats,
  ensureServiceStream,
  injectTraceContext,
  retrySubject,
  startConsumer,
  type RunningConsumer,
} from '@omni/messaging';
import {
  createTestDatabase,
  eventually,
  startTestNats,
  startTestTracing,
  type TestDatabase,
  type TestNatsServer,
  type TestTracing,
} from '@omni/testing';
import { SpanKind, context, trace } from '@opentelemetry/api';
import pg from 'pg';

let natsServer: TestNatsServer;
let database: TestDatabase;
let nats: NatsConnection;
let pool: pg.Pool;
let tracing: TestTracing;
const consumers: RunningConsumer[] = [];

beforeAll(async () => {
  tracing = startTestTracing();
  [natsServer, database] = await Promise.all([startTestNats(), createTestDatabase()]);
  nats = await connectNats({ url: natsServer.url, name: 'consumer-test' });
  pool = new pg.Pool({ connectionString: database.url });
  await ensureServiceStream(nats, 'demo');
  await pool.query('CREATE SCHEMA demo');
  await pool.query('CREATE TABLE demo.effects (event_id uuid, note text, PRIMARY KEY (event_id, note))');
});

afterEach(async () => {
  await Promise.all(consumers.splice(0).map((c) => c.stop()));
});

afterAll(async () => {
  await nats.close();
  await pool.end();
  await Promise.all([natsServer.dispose(), database.drop()]);
  await tracing.shutdown();
});

function demoEvent(aggregateId = newId()): CloudEvent {
  return toCloudEvent({
    eventId: newId(),
    service: 'demo',
    aggregate: 'thing',
    aggregateId,
    eventType: 'happened',
    data: { n: 1 },
    streamVersion: 1,
    recordedAt: new Date(),
    metadata: { correlationId: 'c', causationId: 'c' },
  });
}

async function publish(event: CloudEvent, msgId = event.id): Promise<void> {
  const headers = injectTraceContext(natsHeaders());
  await jetstream(nats).publish(`demo.thing.${event.subject}.happened`, JSON.stringify(event), {
    msgID: msgId,
    headers,
  });
}

/** The effect is keyed by the event id, so a redelivery cannot repeat it. */
async function recordEffectOnce(consumer: string, event: CloudEvent, fail?: () => void): Promise<void> {
  const tx = await pool.connect();
  try {
    await tx.query('BEGIN');
    await tx.query('INSERT INTO demo.effects VALUES ($1, $2) ON CONFLICT DO NOTHING', [event.id, consumer]);
    fail?.();
    await tx.query('COMMIT');
  } catch (error) {
    await tx.query('ROLLBACK');
    throw error;
  } finally {
    tx.release();
  }
}

const effectsOf = async (eventId: string) =>
  (await pool.query('SELECT count(*)::int AS n FROM demo.effects WHERE event_id = $1', [eventId])).rows[0]
    .n as number;

it('redelivers after a transient failure and the effect happens once', async () => {
  const event = demoEvent();
  let attempts = 0;
  consumers.push(
    await startConsumer({
      nats,
      stream: 'DEMO',
      durable: 'flaky',
      filterSubject: `demo.thing.${event.subject}.>`,
      backoffMs: [50],
      handle: (e) =>
        recordEffectOnce('flaky', e, () => {
          if (++attempts < 3) throw new Error('database hiccup');
        }),
    }),
  );
  await publish(event);
  await eventually(() => expect(attempts).toBe(3));
  expect(await effectsOf(event.id)).toBe(1);
});

it('has its effect once when the same event is delivered twice', async () => {
  const event = demoEvent();
  const handled: string[] = [];
  consumers.push(
    await startConsumer({
      nats,
      stream: 'DEMO',
      durable: 'twice',
      filterSubject: `demo.thing.${event.subject}.>`,
      handle: async (e) => {
        handled.push(e.id);
        await recordEffectOnce('twice', e);
      },
    }),
  );
  await publish(event, `${event.id}-a`);
  await publish(event, `${event.id}-b`); // past the de-duplication: a second copy in the stream
  await eventually(() => expect(handled).toHaveLength(2));
  expect(await effectsOf(event.id)).toBe(1);
});

it('sends a poison message to DLQ with its reason after the last delivery', async () => {
  const event = demoEvent();
  let attempts = 0;
  consumers.push(
    await startConsumer({
      nats,
      stream: 'DEMO',
      durable: 'poisoned',
      filterSubject: `demo.thing.${event.subject}.>`,
      maxDeliver: 3,
      backoffMs: [20],
      handle: async () => {
        attempts++;
        throw new Error('cannot handle this');
      },
    }),
  );
  await publish(event);
  const jsm = await jetstreamManager(nats);
  const dead = await eventually(async () => {
    const message = await jsm.streams.getMessage('DLQ', { last_by_subj: 'dlq.DEMO.poisoned' });
    if (!message) throw new Error('no dead letter yet');
    return message;
  });
  expect(attempts).toBe(3);
  expect(dead.json<CloudEvent>().id).toBe(event.id);
  expect(dead.header.get('Omni-Dlq-Reason')).toContain('cannot handle this');
  expect(dead.header.get('Omni-Dlq-Subject')).toBe(`demo.thing.${event.subject}.happened`);
});

it('dead-letters a refusal at once: retrying cannot change a business rule', async () => {
  const event = demoEvent();
  let attempts = 0;
  consumers.push(
    await startConsumer({
      nats,
      stream: 'DEMO',
      durable: 'refusing',
      filterSubject: `demo.thing.${event.subject}.>`,
      handle: async () => {
        attempts++;
        throw new BusinessRuleError('not_allowed', 'never');
      },
    }),
  );
  await publish(event);
  const jsm = await jetstreamManager(nats);
  await eventually(async () =>
    expect(await jsm.streams.getMessage('DLQ', { last_by_subj: 'dlq.DEMO.refusing' })).toBeTruthy(),
  );
  expect(attempts).toBe(1);
});

it('continues the publisher’s trace in the handler span', async () => {
  const event = demoEvent();
  let handlerTraceId: string | undefined;
  consumers.push(
    await startConsumer({
      nats,
      stream: 'DEMO',
      durable: 'traced',
      filterSubject: `demo.thing.${event.subject}.>`,
      handle: async () => {
        handlerTraceId = trace.getActiveSpan()?.spanContext().traceId;
      },
    }),
  );
  const publisherSpan = trace.getTracer('test').startSpan('place order', { kind: SpanKind.PRODUCER });
  await context.with(trace.setSpan(context.active(), publisherSpan), () => publish(event));
  publisherSpan.end();
  await eventually(() => expect(handlerTraceId).toBeDefined());
  const traceId = publisherSpan.spanContext().traceId;
  expect(handlerTraceId).toBe(traceId);
  await eventually(() =>
    expect(
      tracing
        .spans()
        .find((s) => s.name === `process demo.thing.${event.subject}.happened`)
        ?.spanContext().traceId,
    ).toBe(traceId),
  );
});

it('handles a dead letter handed back for retry once the cause is fixed', async () => {
  const event = demoEvent();
  let broken = true;
  const handled: string[] = [];
  consumers.push(
    await startConsumer({
      nats,
      stream: 'DEMO',
      durable: 'retried',
      filterSubject: `demo.thing.${event.subject}.>`,
      handle: async (e) => {
        if (broken) throw new BusinessRuleError('not_yet', 'missing reference data');
        handled.push(e.id);
      },
    }),
  );
  await publish(event);
  const jsm = await jetstreamManager(nats);
  const dead = await eventually(async () => {
    const message = await jsm.streams.getMessage('DLQ', { last_by_subj: 'dlq.DEMO.retried' });
    if (!message) throw new Error('no dead letter yet');
    return message;
  });
  broken = false; // e.g. the missing data arrived
  const reply = await nats.request(retrySubject('DEMO', 'retried'), dead.data, {
    headers: dead.header,
    timeout: 5000,
  });
  expect(reply.json()).toEqual({ ok: true });
  expect(handled).toEqual([event.id]);
});

it("handles one aggregate's events in stream order and different aggregates' at the same time", async () => {
  const aggregates = Array.from({ length: 8 }, () => newId());
  const published: CloudEvent[] = [];
  for (let version = 1; version <= 5; version++) {
    for (const aggregateId of aggregates) published.push(demoEvent(aggregateId));
  }
  const handled = new Map<string, string[]>();
  let inHandler = 0;
  let mostAtOnce = 0;
  for (const event of published) await publish(event);
  consumers.push(
    await startConsumer({
      nats,
      stream: 'DEMO',
      durable: 'lanes',
      filterSubject: 'demo.thing.>',
      async handle(event) {
        if (!aggregates.includes(event.subject)) return; // earlier tests' events share the stream
        inHandler++;
        mostAtOnce = Math.max(mostAtOnce, inHandler);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
        handled.set(event.subject, [...(handled.get(event.subject) ?? []), event.id]);
        inHandler--;
      },
    }),
  );
  await eventually(() => expect([...handled.values()].flat()).toHaveLength(published.length));
  for (const aggregateId of aggregates) {
    const inStreamOrder = published.filter((e) => e.subject === aggregateId).map((e) => e.id);
    expect(handled.get(aggregateId)).toEqual(inStreamOrder);
  }
  expect(mostAtOnce).toBeGreaterThan(1);
});
