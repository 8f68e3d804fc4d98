/**
 * Notifications under faults (issue #12): 1,000 low-stock crossings made through the REST API, each
 * for one manager and one clerk, while the notification process is SIGKILLed 3 times and the SMTP
 * server is down for part of the run. Afterwards every (source event, recipient) pair has exactly one
 * notification: once in the event log, once in the inbox read model and GET /notifications, once on
 * the recipient's inbox subject. Every notification's e-mail reached the SMTP server, and counted
 * as received (not deduplicated), a second copy exists only where a kill fell between the server's
 * acceptance and the commit that records it: at most one per kill, with the same Message-ID
 * (services/notification/README.md, "E-mail: what is guaranteed").
 */
import { jetstreamManager } from '@nats-io/jetstream';
import { ok, type OmniClient } from '@omni/client';
import { connectNats } from '@omni/messaging';
import {
  eventually,
  freePort,
  startSystem,
  SYSTEM_START_TIMEOUT_MS,
  type RunningSystem,
} from '@omni/testing';
import pg from 'pg';
import { signInAsAdmin, signInWithRoles, unique } from '../../gateway/test/helpers.js';
import { messageIdOf } from '../src/application/email-queue.js';
import { startTestSmtp, type TestSmtpServer } from './smtp.js';

const PRODUCTS = 20;
const CROSSINGS_PER_PRODUCT = 50;
const SOURCE_EVENTS = PRODUCTS * CROSSINGS_PER_PRODUCT;
const REORDER_LEVEL = 5;
/** Stock above the reorder level; taking DROP out crosses it (one low_stock_detected), putting it back re-arms it. */
const STOCK = 10;
const DROP = 6;
const KILLS = 3;
/** Ceiling for every wait: kills leave messages unacknowledged until the consumer's ack wait (10 s) passes. */
const PATIENCE = { timeoutMs: 300_000, intervalMs: 25 };

let system: RunningSystem;
let smtp: TestSmtpServer;
let db: pg.Pool;
let admin: OmniClient;
let recipients: OmniClient[];
let recipientIds: string[];

beforeAll(async () => {
  const smtpPort = await freePort();
  smtp = await startTestSmtp(smtpPort);
  system = await startSystem({
    readyTimeoutMs: 240_000,
    env: {
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      EMAIL_POLL_MS: '50',
      // Short backoff, so the queue drains soon after the SMTP server is back.
      EMAIL_RETRY_BASE_MS: '100',
      EMAIL_RETRY_MAX_MS: '1000',
    },
  });
  db = new pg.Pool({ connectionString: system.database.url, max: 2 });
  admin = await signInAsAdmin(system);
  // The low-stock audience: every active manager and clerk (the admin is neither).
  recipients = [
    await signInWithRoles(system, admin, ['manager']),
    await signInWithRoles(system, admin, ['clerk']),
  ];
  recipientIds = await Promise.all(
    recipients.map(async (client) => ok(await client.http.GET('/auth/me')).id),
  );
  // Notification learns users and roles from the gateway's events: both must be known before the first crossing.
  await eventually(async () => {
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM notification.user_directory WHERE user_id = ANY($1::uuid[])',
      [recipientIds],
    );
    expect(rows[0]!.n).toBe(recipientIds.length);
  });
}, SYSTEM_START_TIMEOUT_MS + 60_000);

afterAll(async () => {
  await db?.end();
  await system?.stop();
  await smtp?.close();
});

/** A REST step retried until it succeeds, under the same Idempotency-Key (a retried command is not applied twice). */
const step = <T>(work: () => Promise<T>) => eventually(work, { timeoutMs: 120_000, intervalMs: 100 });

async function stockedProduct(locationId: string): Promise<string> {
  const product = ok(
    await admin.http.POST('/inventory/products', {
      body: {
        sku: unique('FAULT'),
        name: 'Tea',
        price: { amount: 500, currency: 'EUR' },
        reorderLevel: REORDER_LEVEL,
      },
    }),
  );
  await changeStock(product.id, locationId, STOCK, `fault-stock-${product.id}`);
  return product.id;
}

async function changeStock(productId: string, locationId: string, delta: number, key: string): Promise<void> {
  const params = { path: { productId } };
  const headers = { 'Idempotency-Key': key };
  await step(async () =>
    ok(
      delta > 0
        ? await admin.http.POST('/inventory/products/{productId}/receipts', {
            params,
            headers,
            body: { locationId, quantity: delta },
          })
        : await admin.http.POST('/inventory/products/{productId}/adjustments', {
            params,
            headers,
            body: { locationId, quantityDelta: delta, reason: 'damaged' },
          }),
    ),
  );
}

/** One product crossing its reorder level CROSSINGS_PER_PRODUCT times: down below it, back above it. */
async function crossRepeatedly(productId: string, locationId: string): Promise<void> {
  for (let i = 0; i < CROSSINGS_PER_PRODUCT; i++) {
    await changeStock(productId, locationId, -DROP, `fault-cross-${productId}-${i}`);
    await changeStock(productId, locationId, DROP, `fault-rearm-${productId}-${i}`);
  }
}

const notificationsCommitted = async () =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM notification.inbox')).rows[0]!.n;

const whenNotified = (count: number) =>
  eventually(async () => expect(await notificationsCommitted()).toBeGreaterThanOrEqual(count), PATIENCE);

/** How many e-mails the SMTP server had received when each killed notification process was restarted. */
const receivedAtRestart: number[] = [];

async function killNotification(): Promise<void> {
  const killed = system.pidOf('notification');
  system.kill('notification');
  await eventually(() => expect(system.pidOf('notification')).not.toBe(killed), PATIENCE);
  receivedAtRestart.push(smtp.received.length);
}

/**
 * The faults, each after a count of notifications committed (never after a timer): a kill with the
 * SMTP server up, the SMTP server down, a kill while it is down, the server back once a failed
 * attempt is on record, a last kill with it up.
 */
async function injectFaults(expected: number): Promise<void> {
  await whenNotified(expected * 0.2);
  await killNotification();
  await whenNotified(expected * 0.35);
  await smtp.close();
  await whenNotified(expected * 0.5);
  await killNotification();
  await eventually(async () => {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification.email_delivery WHERE status = 'pending' AND attempts > 0`,
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
  }, PATIENCE);
  await whenNotified(expected * 0.65);
  await smtp.reopen();
  await whenNotified(expected * 0.8);
  await killNotification();
}

/** E-mail deliveries per status; a notification with no delivery row counts as `missing`. */
async function deliveriesByStatus(): Promise<Record<string, number>> {
  const { rows } = await db.query<{ status: string; n: number }>(
    `SELECT coalesce(d.status, 'missing') AS status, count(*)::int AS n
       FROM notification.inbox i LEFT JOIN notification.email_delivery d ON d.notification_id = i.id
      GROUP BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Every page of a recipient's GET /notifications. */
async function everyNotificationOf(client: OmniClient) {
  const all = [];
  let cursor: string | undefined;
  do {
    const page = ok(
      await client.http.GET('/notifications', {
        params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } },
      }),
    );
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** Messages in the NOTIFICATION stream per subject `notification.inbox.<userId>.created`. */
async function publishedPerInbox(): Promise<Record<string, number>> {
  const nats = await connectNats({ url: system.nats.url, name: 'notification-faults-test' });
  try {
    const jsm = await jetstreamManager(nats);
    const info = await jsm.streams.info('NOTIFICATION', { subjects_filter: 'notification.inbox.*.created' });
    return info.state.subjects ?? {};
  } finally {
    await nats.close();
  }
}

it('notifies each (source event, recipient) exactly once and e-mails each notification while notification is SIGKILLed 3 times and SMTP is down', async () => {
  const expected = SOURCE_EVENTS * recipients.length;
  const location = ok(
    await admin.http.POST('/inventory/locations', { body: { code: unique('F'), name: 'Shop' } }),
  );
  const products = await Promise.all(Array.from({ length: PRODUCTS }, () => stockedProduct(location.id)));

  await Promise.all([
    ...products.map((productId) => crossRepeatedly(productId, location.id)),
    injectFaults(expected),
  ]);
  expect(system.output.filter((line) => line.includes('notification exited (SIGKILL)'))).toHaveLength(KILLS);

  // The source events: one low_stock_detected per crossing, each a pair with each recipient.
  const { rows: sources } = await db.query<{ event_id: string }>(
    `SELECT event_id::text FROM inventory.events WHERE event_type = 'low_stock_detected'`,
  );
  expect(sources).toHaveLength(SOURCE_EVENTS);
  const expectedPairs = sources
    .flatMap((s) => recipientIds.map((userId) => `${s.event_id}:${userId}`))
    .sort();

  // Wait for the last notification and the last e-mail (messages held by a killed process come back
  // after the consumer's ack wait; e-mails after their backoff).
  await eventually(async () => expect(await notificationsCommitted()).toBe(expected), PATIENCE);
  await eventually(async () => expect(await deliveriesByStatus()).toEqual({ sent: expected }), PATIENCE);

  // Once in the log: one `created` event per pair, none twice.
  const { rows: logged } = await db.query<{ pair: string }>(
    `SELECT (data->>'sourceEventId') || ':' || (data->>'userId') AS pair FROM notification.events
        WHERE stream_id LIKE 'inbox-%' AND event_type = 'created'`,
  );
  expect(logged.map((r) => r.pair).sort()).toEqual(expectedPairs);

  // Once in the inbox read model, under the id the pair names.
  const { rows: listed } = await db.query<{ pair: string; id: string }>(
    `SELECT source_event_id || ':' || user_id AS pair, id::text FROM notification.inbox`,
  );
  expect(listed.map((r) => r.pair).sort()).toEqual(expectedPairs);

  // Once in each recipient's GET /notifications, each with its e-mail sent.
  for (const [i, client] of recipients.entries()) {
    const mine = await everyNotificationOf(client);
    expect(mine.map((n) => `${n.sourceEventId}:${recipientIds[i]}`).sort()).toEqual(
      expectedPairs.filter((pair) => pair.endsWith(`:${recipientIds[i]}`)),
    );
    expect(new Set(mine.map((n) => n.id)).size).toBe(SOURCE_EVENTS);
    expect(mine.filter((n) => n.emailStatus !== 'sent')).toEqual([]);
  }

  // Once on each recipient's inbox subject: the relay's restarts published nothing twice.
  const published = await publishedPerInbox();
  expect(published).toEqual(
    Object.fromEntries(recipientIds.map((id) => [`notification.inbox.${id}.created`, SOURCE_EVENTS])),
  );

  // E-mail: every notification's Message-ID received, nothing else.
  const received = smtp.received.map((mail) => mail.messageId);
  expect([...new Set(received)].sort()).toEqual(listed.map((n) => messageIdOf(n.id)).sort());
  // Counted as received, not deduplicated: a copy beyond the first must be a kill's doing. The sender
  // sends one e-mail at a time, so a kill can interrupt at most one between the server's acceptance
  // and the commit; that one's first copy came before the restart, its second after it.
  const positions = new Map<string, number[]>();
  received.forEach((id, at) => positions.set(id!, [...(positions.get(id!) ?? []), at]));
  const repeated = [...positions.values()].filter((at) => at.length > 1);
  const explainedBy = repeated.map(([first, second]) =>
    receivedAtRestart.findIndex((mark) => first! < mark && mark <= second!),
  );
  expect(repeated.every((at) => at.length === 2)).toBe(true);
  expect(explainedBy.every((kill) => kill >= 0)).toBe(true);
  expect(new Set(explainedBy).size).toBe(repeated.length);
  expect(received.length).toBe(expected + repeated.length);
  console.info(
    `notification faults: ${received.length} e-mails received for ${expected} notifications (${repeated.length} re-sent after a kill)`,
  );
}, 900_000);
