/**
 * The notification service in the whole system: other services' events reach the right inboxes
 * once, live on each recipient's own inbox subject and in GET /notifications.
 */
import { OmniRealtime, SubscriptionRefusedError, ok, type EventFrame, type OmniClient } from '@omni/client';
import { eventually, freePort, startSystem, SYSTEM_START_TIMEOUT_MS, type RunningSystem } from '@omni/testing';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { signInAsAdmin, signInWithRoles, unique } from '../../gateway/test/helpers.js';
import { messageIdOf } from '../src/application/email-queue.js';
import { startTestSmtp, type TestSmtpServer } from './smtp.js';

let system: RunningSystem;
let db: pg.Pool;
let admin: OmniClient;
let managers: OmniClient[];
let clerks: OmniClient[];
let sales: OmniClient;
let worker: OmniClient;
const ids = new Map<OmniClient, string>();
const sockets: OmniRealtime[] = [];
/** The SMTP server in this process the system sends its e-mail to. */
let smtp: TestSmtpServer;

const idOf = (client: OmniClient) => ids.get(client)!;
const eur = (amount: number) => ({ amount, currency: 'EUR' });

beforeAll(async () => {
  const smtpPort = await freePort();
  smtp = await startTestSmtp(smtpPort);
  system = await startSystem({
    readyTimeoutMs: 240_000,
    env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, EMAIL_POLL_MS: '100' },
  });
  db = new pg.Pool({ connectionString: system.database.url, max: 2 });
  admin = await signInAsAdmin(system);
  const as = (role: string) => signInWithRoles(system, admin, [role]);
  managers = [await as('manager'), await as('manager')];
  clerks = [await as('clerk'), await as('clerk')];
  sales = await as('sales');
  worker = await as('staff');
  for (const client of [admin, ...managers, ...clerks, sales, worker]) {
    ids.set(client, ok(await client.http.GET('/auth/me')).id);
  }
  // Notification learns users and roles from the gateway's events: wait until its view has them all.
  await eventually(async () => {
    const { rows } = await db.query<{ n: string }>(
      'SELECT count(*) AS n FROM notification.user_directory WHERE user_id = ANY($1::uuid[])',
      [[...ids.values()]],
    );
    expect(Number(rows[0]!.n)).toBe(ids.size);
  });
}, SYSTEM_START_TIMEOUT_MS + 180_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await db?.end();
  await system?.stop();
  await smtp?.close();
});

/** The client's own inbox subject, subscribed live; frames collect in the returned array. */
async function inboxSocket(client: OmniClient): Promise<EventFrame[]> {
  const frames: EventFrame[] = [];
  const socket = new OmniRealtime({ baseUrl: system.baseUrl, accessToken: () => client.accessToken! });
  sockets.push(socket);
  await socket.subscribe(`notification.inbox.${idOf(client)}.>`, (frame) => frames.push(frame));
  return frames;
}

const notificationsOf = async (client: OmniClient, unread?: boolean) =>
  ok(await client.http.GET('/notifications', { params: { query: { limit: 200, ...(unread ? { unread } : {}) } } }))
    .items;

const about = async (client: OmniClient, resourceId: string) =>
  (await notificationsOf(client)).filter((n) => n.resource.id === resourceId);

async function productAtLocation(reorderLevel: number) {
  const location = ok(await admin.http.POST('/inventory/locations', { body: { code: unique('N'), name: 'Shop' } }));
  const product = ok(
    await admin.http.POST('/inventory/products', {
      body: { sku: unique('TEA'), name: 'Tea', price: eur(500), reorderLevel },
    }),
  );
  ok(
    await admin.http.POST('/inventory/products/{productId}/receipts', {
      params: { path: { productId: product.id } },
      body: { locationId: location.id, quantity: 10 },
    }),
  );
  return { locationId: location.id, productId: product.id };
}

const takeOut = (productId: string, locationId: string, quantity: number) =>
  admin.http.POST('/inventory/products/{productId}/adjustments', {
    params: { path: { productId } },
    body: { locationId, quantityDelta: -quantity, reason: 'damaged' },
  });

describe('when a product falls to its reorder level', () => {
  it('notifies every manager and clerk once, live on their inbox socket and in GET /notifications', async () => {
    const recipients = [...managers, ...clerks];
    const frames = await Promise.all(recipients.map(inboxSocket));
    const { locationId, productId } = await productAtLocation(5);
    ok(await takeOut(productId, locationId, 6));
    ok(await takeOut(productId, locationId, 1)); // still below: the same crossing, no second event

    for (const [i, client] of recipients.entries()) {
      await eventually(() => expect(frames[i]!.map((f) => f.event.type)).toContain('notification.inbox.created'));
      const created = frames[i]!.find((f) => f.event.type === 'notification.inbox.created')!;
      expect(created.subject).toBe(`notification.inbox.${idOf(client)}.created`);
      expect(created.event.data).toMatchObject({ category: 'low_stock', resource: { type: 'product', id: productId } });
      const listed = await about(client, productId);
      expect(listed).toEqual([
        expect.objectContaining({ id: created.event.data['notificationId'], category: 'low_stock', readAt: null }),
      ]);
    }
    expect(await about(sales, productId)).toEqual([]);
    expect(await about(admin, productId)).toEqual([]);

    // E-mail is on by default: each of them gets exactly one e-mail, named by the notification.
    const notified = await Promise.all(recipients.map(async (client) => (await about(client, productId))[0]!));
    await eventually(async () => {
      for (const client of recipients) expect((await about(client, productId))[0]!.emailStatus).toBe('sent');
    });
    for (const n of notified) {
      expect(smtp.received.filter((mail) => mail.messageId === messageIdOf(n.id))).toHaveLength(1);
    }
  });

  it('creates nothing for a user who muted low stock', async () => {
    const [muting, other] = clerks as [OmniClient, OmniClient];
    ok(await muting.http.PUT('/notifications/preferences', { body: { email: false, mutedCategories: ['low_stock'] } }));
    expect(ok(await muting.http.GET('/notifications/preferences'))).toEqual({ email: false, mutedCategories: ['low_stock'] });
    const { locationId, productId } = await productAtLocation(5);
    ok(await takeOut(productId, locationId, 6));
    await eventually(async () => expect(await about(other, productId)).toHaveLength(1));
    expect(await about(muting, productId)).toEqual([]);
    ok(await muting.http.PUT('/notifications/preferences', { body: { email: false, mutedCategories: [] } }));
  });
});

describe("when an order's status changes", () => {
  it('notifies the user who placed it of each change and of its payment', async () => {
    const { locationId, productId } = await productAtLocation(0);
    // Orders prices from its own view of the catalogue, fed by inventory's events: wait for the product.
    const order = await eventually(async () =>
      ok(
        await sales.http.POST('/orders', {
          body: { customer: { name: 'Ada' }, locationId, lines: [{ productId, quantity: 1 }] },
        }),
      ),
    );
    await eventually(async () =>
      expect(ok(await admin.http.GET('/orders/{orderId}', { params: { path: { orderId: order.id } } })).status).toBe(
        'awaiting_payment',
      ),
    );
    // Payments learns the order's status from orders' events: pay once it knows the order awaits payment.
    await eventually(async () =>
      ok(await admin.http.POST('/payments', { body: { orderId: order.id, amount: order.total, method: 'card' } })),
    );
    await eventually(async () => {
      const mine = await about(sales, order.id);
      expect(mine.filter((n) => n.category === 'order_status').map((n) => n.title).sort()).toEqual(
        [`Order ${order.id.slice(0, 8)} is awaiting payment`, `Order ${order.id.slice(0, 8)} is paid`].sort(),
      );
      expect(mine.filter((n) => n.category === 'payment')).toHaveLength(1);
    });
    expect(await about(admin, order.id)).toEqual([]);
  });
});

describe('when a shift is assigned and its ticket discussed', () => {
  let staffId: string;

  beforeAll(async () => {
    staffId = ok(
      await admin.http.POST('/scheduling/staff', {
        body: { name: 'Sam Worker', email: `${unique('sam')}@omni.test`, userId: idOf(worker) },
      }),
    ).id;
  });

  it('notifies the staff member of their shift assignment, live', async () => {
    const frames = await inboxSocket(worker);
    const facility = ok(await admin.http.POST('/scheduling/facilities', { body: { code: unique('F'), name: 'Studio' } }));
    const startsAt = new Date(Date.now() + 3 * 24 * 3600_000);
    const shift = ok(
      await admin.http.POST('/scheduling/shifts', {
        body: {
          facilityId: facility.id,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 4 * 3600_000).toISOString(),
        },
      }),
    );
    ok(await admin.http.POST('/scheduling/shifts/{shiftId}/assign', { params: { path: { shiftId: shift.id } }, body: { staffId } }));
    await eventually(() =>
      expect(frames.map((f) => f.event.data)).toContainEqual(
        expect.objectContaining({ category: 'shift', title: 'You have a new shift', resource: { type: 'shift', id: shift.id } }),
      ),
    );
    expect(await about(worker, shift.id)).toHaveLength(1);
  });

  it("sends a ticket's comment to its reporter and assignee, never to its author", async () => {
    const ticket = ok(
      await sales.http.POST('/tickets', {
        body: { kind: 'incident', title: unique('Till'), description: 'Broken', priority: 'normal' },
      }),
    );
    await eventually(async () => {
      const result = await admin.http.POST('/tickets/{ticketId}/assign', {
        params: { path: { ticketId: ticket.id } },
        body: { staffId },
      });
      if (result.response.status === 422) throw new Error('ticketing does not know the staff member yet');
      return ok(result);
    });
    const comment = (client: OmniClient, body: string) =>
      client.http.POST('/tickets/{ticketId}/comments', { params: { path: { ticketId: ticket.id } }, body: { body } });
    ok(await comment(managers[0]!, 'Looking into it'));
    ok(await comment(sales, 'Thanks'));

    const comments = async (client: OmniClient) =>
      (await about(client, ticket.id)).filter((n) => n.category === 'ticket_comment').map((n) => n.body).sort();
    await eventually(async () => {
      expect(await comments(worker)).toEqual(['Looking into it', 'Thanks']);
      expect(await comments(sales)).toEqual(['Looking into it']);
    });
    expect(await comments(managers[0]!)).toEqual([]);
    expect((await about(worker, ticket.id)).filter((n) => n.category === 'ticket_assigned')).toHaveLength(1);
  });
});

describe('inbox subjects', () => {
  it("refuses another user's inbox subject, and anything wider than one's own", async () => {
    const socket = new OmniRealtime({ baseUrl: system.baseUrl, accessToken: () => worker.accessToken! });
    sockets.push(socket);
    for (const subject of [`notification.inbox.${idOf(sales)}.>`, 'notification.inbox.*.created', 'notification.>']) {
      const refusal = await socket.subscribe(subject, () => undefined).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(SubscriptionRefusedError);
      expect((refusal as SubscriptionRefusedError).frame.code).toBe('forbidden');
    }
  });

  it("lets an admin follow anyone's inbox", async () => {
    const socket = new OmniRealtime({ baseUrl: system.baseUrl, accessToken: () => admin.accessToken! });
    sockets.push(socket);
    await expect(socket.subscribe(`notification.inbox.${idOf(sales)}.>`, () => undefined)).resolves.toBeDefined();
  });
});

describe('reading', () => {
  it('keeps the unread count, one read and read-all consistent', async () => {
    const manager = managers[1]!;
    const { locationId, productId } = await productAtLocation(5);
    ok(await takeOut(productId, locationId, 6));
    await eventually(async () => expect(await about(manager, productId)).toHaveLength(1));

    const unread = await notificationsOf(manager, true);
    expect(unread.length).toBeGreaterThanOrEqual(2);
    const count = async () => ok(await manager.http.GET('/notifications/unread-count')).count;
    expect(await count()).toBe(unread.length);

    const first = unread[0]!;
    const read = ok(await manager.http.POST('/notifications/{notificationId}/read', { params: { path: { notificationId: first.id } } }));
    expect(read.readAt).not.toBeNull();
    ok(await manager.http.POST('/notifications/{notificationId}/read', { params: { path: { notificationId: first.id } } }));
    expect(await count()).toBe(unread.length - 1);

    const otherUsers = await manager.http.POST('/notifications/{notificationId}/read', {
      params: { path: { notificationId: (await notificationsOf(clerks[1]!))[0]!.id } },
    });
    expect(otherUsers.response.status).toBe(404);

    expect(ok(await manager.http.POST('/notifications/read-all'))).toEqual({ count: unread.length - 1 });
    expect(await count()).toBe(0);
    expect(await notificationsOf(manager, true)).toEqual([]);
    expect(ok(await manager.http.POST('/notifications/read-all'))).toEqual({ count: 0 });
  });
});

describe('omni replay notification', () => {
  const OMNI = fileURLToPath(new URL('../../../packages/cli/bin/omni.js', import.meta.url));
  const READ_MODELS = ['inbox', 'user_directory', 'order_placers'];
  const readModels = async () => {
    const rows: Record<string, unknown[]> = {};
    for (const table of READ_MODELS) rows[table] = (await db.query(`SELECT * FROM notification.${table} ORDER BY 1`)).rows;
    return rows;
  };

  it('rebuilds the inbox and both views equal to the live ones, and sends no e-mail again', async () => {
    // Earlier tests' e-mails first: whatever is sent from now on would be a replay's doing.
    await eventually(async () => {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM notification.email_delivery WHERE status = 'pending'`);
      expect(rows[0].n).toBe(0);
    });
    const before = await readModels();
    const mailed = smtp.received.length;
    const { stdout } = await promisify(execFile)(process.execPath, [OMNI, '--json', 'replay', 'notification'], {
      env: { ...process.env, NATS_URL: system.nats.url, DATABASE_URL: system.database.url },
    });
    expect((JSON.parse(stdout) as { events: number }).events).toBeGreaterThan(0);
    expect(await readModels()).toEqual(before);
    expect(before['inbox']!.length).toBeGreaterThan(0);
    expect(smtp.received.length).toBe(mailed);
  });
});
