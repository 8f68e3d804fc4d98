import { OmniRealtime, ok, type EventFrame, type OmniClient } from '@omni/client';
import { newId } from '@omni/contracts';
import { connectNats } from '@omni/messaging';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { raw, signInAsAdmin, signInWithRoles, unique } from '../../gateway/test/helpers.js';

// critical = 3 s, so the SLA test sees a breach; the other priorities stay far away.
const SLA = 'critical=0.05,high=240,normal=1440,low=4320';

let system: RunningSystem;
let nats: NatsConnection;
let admin: OmniClient;
let manager: OmniClient;
let clerk: OmniClient;
let sales: OmniClient;
let worker: OmniClient;
let stranger: OmniClient;
let workerStaffId: string;

beforeAll(async () => {
  system = await startSystem({ env: { TICKET_SLA_MINUTES: SLA } });
  nats = await connectNats({ url: system.nats.url, name: 'tickets-e2e' });
  admin = await signInAsAdmin(system);
  const as = (role: string) => signInWithRoles(system, admin, [role]);
  [manager, clerk, sales, worker, stranger] = [
    await as('manager'),
    await as('clerk'),
    await as('sales'),
    await as('staff'),
    await as('staff'),
  ];
  workerStaffId = await registerStaff(await userIdOf(worker));
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await nats?.close();
  await system?.stop();
});

const userIdOf = async (client: OmniClient) => ok(await client.http.GET('/auth/me')).id;

/** A staff member in scheduling, linked to a gateway user; ticketing learns of it from scheduling's events. */
async function registerStaff(userId: string): Promise<string> {
  const staff = ok(
    await admin.http.POST('/scheduling/staff', {
      body: { name: 'Sam Worker', email: `${unique('sam')}@omni.test`, userId },
    }),
  );
  return staff.id;
}

function open(
  client: OmniClient,
  body: Partial<{
    kind: 'incident' | 'service';
    priority: 'low' | 'normal' | 'high' | 'critical';
    title: string;
    incidentTypeId: string;
  }> = {},
) {
  return client.http.POST('/tickets', {
    body: {
      kind: 'incident',
      title: unique('Till broken'),
      description: 'The till does not open',
      priority: 'normal',
      ...body,
    },
  });
}
const ticketOf = (client: OmniClient, ticketId: string) =>
  client.http.GET('/tickets/{ticketId}', { params: { path: { ticketId } } });
type Move = 'start' | 'resume' | 'close';
const move = (client: OmniClient, ticketId: string, action: Move) =>
  client.http.POST(`/tickets/{ticketId}/${action}`, { params: { path: { ticketId } } });
/** The staff view follows scheduling's events: assignment waits until ticketing knows the staff member. */
const assign = (client: OmniClient, ticketId: string, staffId = workerStaffId) =>
  eventually(async () => {
    const result = await client.http.POST('/tickets/{ticketId}/assign', {
      params: { path: { ticketId } },
      body: { staffId },
    });
    if (result.response.status === 422 && staffId === workerStaffId) throw new Error('staff not known yet');
    return result;
  });

describe('opening', () => {
  it('numbers incidents and service tickets separately, consecutively, with the SLA of the priority', async () => {
    const first = ok(await open(sales, { priority: 'high' }));
    const second = ok(await open(sales));
    const service = ok(await open(sales, { kind: 'service' }));
    expect(first.number).toMatch(/^INC-\d+$/);
    expect(Number(second.number.slice(4))).toBe(Number(first.number.slice(4)) + 1);
    expect(service.number).toMatch(/^SRV-\d+$/);
    expect(first).toMatchObject({
      status: 'open',
      reporter: { id: await userIdOf(sales) },
      slaBreached: false,
    });
    expect(Date.parse(first.slaDueAt) - Date.parse(first.openedAt)).toBe(240 * 60_000);
  });

  it('names every offending field in a 400', async () => {
    const response = await raw(system, '/tickets', {
      method: 'POST',
      token: sales.accessToken!,
      body: JSON.stringify({ kind: 'fault', title: '', priority: 'urgent' }),
    });
    expect(response.status).toBe(400);
    const paths = ((await response.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['kind', 'title', 'description', 'priority']));
  });

  it('gives an incident its type default priority; only admin and manager create types', async () => {
    const code = unique('PWR');
    const type = ok(
      await manager.http.POST('/tickets/incident-types', {
        body: { code, name: 'Power', defaultPriority: 'high' },
      }),
    );
    expect(
      (
        await sales.http.POST('/tickets/incident-types', {
          body: { code: unique('X'), name: 'X', defaultPriority: 'low' },
        })
      ).response.status,
    ).toBe(403);
    expect(
      (
        await admin.http.POST('/tickets/incident-types', {
          body: { code, name: 'Again', defaultPriority: 'low' },
        })
      ).response.status,
    ).toBe(409);
    const listed = ok(
      await worker.http.GET('/tickets/incident-types', { params: { query: { limit: 200 } } }),
    );
    expect(listed.items.map((t) => t.code)).toContain(code);
    const ticket = ok(
      await sales.http.POST('/tickets', {
        body: { kind: 'incident', title: 'No power', description: 'Dark', incidentTypeId: type.id },
      }),
    );
    expect(ticket).toMatchObject({ priority: 'high', incidentTypeId: type.id });
  });
});

describe('the workflow', () => {
  it('runs open → assigned → in_progress ⇄ on_hold → resolved → closed, with history', async () => {
    const ticket = ok(await open(sales));
    const id = ticket.id;
    expect((await move(worker, id, 'start')).response.status).toBe(404); // not theirs yet
    const assigned = ok(await assign(manager, id));
    expect(assigned).toMatchObject({
      status: 'assigned',
      assignee: { staffId: workerStaffId, userId: await userIdOf(worker) },
    });
    ok(await move(worker, id, 'start'));
    ok(
      await worker.http.POST('/tickets/{ticketId}/hold', {
        params: { path: { ticketId: id } },
        body: { reason: 'parts' },
      }),
    );
    ok(await move(worker, id, 'resume'));
    ok(
      await worker.http.POST('/tickets/{ticketId}/resolve', {
        params: { path: { ticketId: id } },
        body: { resolution: 'fixed' },
      }),
    );
    const closed = ok(await move(sales, id, 'close'));
    expect(closed.history.map((h) => h.status)).toEqual([
      'open',
      'assigned',
      'in_progress',
      'on_hold',
      'in_progress',
      'resolved',
      'closed',
    ]);
    expect(closed.history[3]).toMatchObject({ by: await userIdOf(worker), reason: 'parts' });
  });

  it('refuses any other transition with 409 invalid_transition naming the current status', async () => {
    const ticket = ok(await open(sales));
    const refused = await move(manager, ticket.id, 'start');
    expect(refused.response.status).toBe(409);
    expect(refused.error).toMatchObject({
      code: 'invalid_transition',
      detail: expect.stringContaining('open'),
    });
  });

  it('reopens a resolved ticket and cancels only before resolved', async () => {
    const ticket = ok(await open(sales));
    ok(await assign(manager, ticket.id));
    ok(await move(manager, ticket.id, 'start'));
    ok(
      await manager.http.POST('/tickets/{ticketId}/resolve', {
        params: { path: { ticketId: ticket.id } },
        body: { resolution: 'done' },
      }),
    );
    const cancel = await sales.http.POST('/tickets/{ticketId}/cancel', {
      params: { path: { ticketId: ticket.id } },
      body: {},
    });
    expect(cancel.response.status).toBe(409);
    const reopened = ok(
      await sales.http.POST('/tickets/{ticketId}/reopen', {
        params: { path: { ticketId: ticket.id } },
        body: { reason: 'again' },
      }),
    );
    expect(reopened.status).toBe('in_progress');
    const other = ok(await open(sales));
    expect(
      ok(
        await sales.http.POST('/tickets/{ticketId}/cancel', {
          params: { path: { ticketId: other.id } },
          body: {},
        }),
      ).status,
    ).toBe('cancelled');
  });

  it('assigns only staff known from scheduling (422 unknown_staff) and only as admin or manager', async () => {
    const ticket = ok(await open(sales));
    const unknown = await manager.http.POST('/tickets/{ticketId}/assign', {
      params: { path: { ticketId: ticket.id } },
      body: { staffId: newId() },
    });
    expect(unknown.response.status).toBe(422);
    expect(unknown.error).toMatchObject({ code: 'unknown_staff' });
    const byClerk = await clerk.http.POST('/tickets/{ticketId}/assign', {
      params: { path: { ticketId: ticket.id } },
      body: { staffId: workerStaffId },
    });
    expect(byClerk.response.status).toBe(403);
    const missing = await manager.http.POST('/tickets/{ticketId}/assign', {
      params: { path: { ticketId: newId() } },
      body: { staffId: workerStaffId },
    });
    expect(missing.response.status).toBe(404);
  });

  it('lets the reporter change an open ticket, honours If-Match, and recomputes slaDueAt from the opening', async () => {
    const ticket = ok(await open(sales));
    const stale = await sales.http.PATCH('/tickets/{ticketId}', {
      params: { path: { ticketId: ticket.id }, header: { 'If-Match': `"${ticket.version + 5}"` } as never },
      body: { title: 'x' },
    });
    expect(stale.response.status).toBe(412);
    const changed = ok(
      await sales.http.PATCH('/tickets/{ticketId}', {
        params: { path: { ticketId: ticket.id } },
        body: { priority: 'high' },
      }),
    );
    expect(Date.parse(changed.slaDueAt) - Date.parse(ticket.openedAt)).toBe(240 * 60_000);
    ok(await assign(manager, ticket.id));
    const late = await sales.http.PATCH('/tickets/{ticketId}', {
      params: { path: { ticketId: ticket.id } },
      body: { title: 'y' },
    });
    expect(late.response.status).toBe(403);
  });
});

describe('visibility', () => {
  it('shows staff only the tickets they reported or are assigned to, in lists, details and comments', async () => {
    const theirs = ok(await open(worker));
    const assignedToThem = ok(await open(sales));
    ok(await assign(manager, assignedToThem.id));
    const notTheirs = ok(await open(sales));
    const listed = ok(await worker.http.GET('/tickets', { params: { query: { limit: 200 } } })).items.map(
      (t) => t.id,
    );
    expect(listed).toEqual(expect.arrayContaining([theirs.id, assignedToThem.id]));
    expect(listed).not.toContain(notTheirs.id);
    expect((await ticketOf(stranger, theirs.id)).response.status).toBe(404);
    const comment = await stranger.http.POST('/tickets/{ticketId}/comments', {
      params: { path: { ticketId: theirs.id } },
      body: { body: 'hi' },
    });
    expect(comment.response.status).toBe(404);
    expect(
      ok(await clerk.http.GET('/tickets', { params: { query: { limit: 200 } } })).items.map((t) => t.id),
    ).toContain(notTheirs.id);
  });

  it('hides internal comments from all but admin, manager and the assignee', async () => {
    const ticket = ok(await open(sales));
    ok(await assign(manager, ticket.id));
    const path = { params: { path: { ticketId: ticket.id } } };
    expect(
      (
        await sales.http.POST('/tickets/{ticketId}/comments', {
          ...path,
          body: { body: 'secret', internal: true },
        })
      ).response.status,
    ).toBe(403);
    ok(
      await worker.http.POST('/tickets/{ticketId}/comments', {
        ...path,
        body: { body: 'internal note', internal: true },
      }),
    );
    ok(await sales.http.POST('/tickets/{ticketId}/comments', { ...path, body: { body: 'public note' } }));
    const bodies = async (client: OmniClient) =>
      ok(await ticketOf(client, ticket.id)).comments.map((c) => c.body);
    expect(await bodies(manager)).toEqual(['internal note', 'public note']);
    expect(await bodies(worker)).toEqual(['internal note', 'public note']);
    expect(await bodies(sales)).toEqual(['public note']);
    expect(await bodies(clerk)).toEqual(['public note']);
  });

  it('sends staff only their own tickets over the WebSocket, without internal comments they may not read', async () => {
    const received: EventFrame[] = [];
    const socket = new OmniRealtime({ baseUrl: system.baseUrl, accessToken: () => stranger.accessToken! });
    await socket.subscribe('ticketing.ticket.*.>', (frame) => received.push(frame));
    const mine = ok(await open(stranger));
    const other = ok(await open(sales));
    ok(
      await manager.http.POST('/tickets/{ticketId}/comments', {
        params: { path: { ticketId: mine.id } },
        body: { body: 'hidden', internal: true },
      }),
    );
    ok(
      await stranger.http.POST('/tickets/{ticketId}/comments', {
        params: { path: { ticketId: mine.id } },
        body: { body: 'visible' },
      }),
    );
    await eventually(() => expect(received.map((f) => f.event.type)).toContain('ticketing.ticket.commented'));
    expect(received.every((f) => f.event.subject === mine.id)).toBe(true);
    expect(received.map((f) => f.event.data['body']).filter(Boolean)).toEqual(['visible']);
    expect(received.some((f) => f.event.subject === other.id)).toBe(false);
    socket.close();
  });
});

describe('lists', () => {
  it('filters, searches number, title and description, and pages with cursors', async () => {
    const word = unique('zebra');
    const a = ok(await open(sales, { title: `Door ${word}`, priority: 'low', kind: 'service' }));
    const b = ok(await open(sales, { title: `Window ${word}`, priority: 'low', kind: 'service' }));
    const byText = ok(await clerk.http.GET('/tickets', { params: { query: { q: word.toUpperCase() } } }));
    expect(byText.items.map((t) => t.id)).toEqual([b.id, a.id]);
    const byNumber = ok(
      await clerk.http.GET('/tickets', { params: { query: { q: a.number, kind: 'service' } } }),
    );
    expect(byNumber.items.map((t) => t.number)).toContain(a.number);
    const first = ok(await clerk.http.GET('/tickets', { params: { query: { q: word, limit: 1 } } }));
    expect(first.items.map((t) => t.id)).toEqual([b.id]);
    const next = ok(
      await clerk.http.GET('/tickets', {
        params: { query: { q: word, limit: 1, cursor: first.nextCursor! } },
      }),
    );
    expect(next.items.map((t) => t.id)).toEqual([a.id]);
    const filtered = ok(
      await clerk.http.GET('/tickets', {
        params: { query: { q: word, status: 'open', priority: 'low', breached: 'false' } },
      }),
    );
    expect(filtered.items).toHaveLength(2);
    expect((await raw(system, '/tickets?status=nope&cursor=%%%', { token: clerk.accessToken! })).status).toBe(
      400,
    );
  });
});

describe('the SLA clock', () => {
  it('stops while on hold, moves slaDueAt by the time held, and breaches once at the moved time', async () => {
    const ticket = ok(await open(sales, { priority: 'critical' }));
    const due = Date.parse(ticket.slaDueAt);
    ok(await assign(manager, ticket.id));
    ok(await move(manager, ticket.id, 'start'));
    ok(
      await manager.http.POST('/tickets/{ticketId}/hold', {
        params: { path: { ticketId: ticket.id } },
        body: { reason: 'waiting' },
      }),
    );
    // While held past the original due time, the answer's slaDueAt slides and nothing breaches.
    await eventually(
      async () =>
        expect(Date.parse(ok(await ticketOf(manager, ticket.id)).slaDueAt)).toBeGreaterThan(due + 2000),
      { timeoutMs: 20_000 },
    );
    expect(ok(await ticketOf(manager, ticket.id)).slaBreached).toBe(false);
    const resumed = ok(await move(manager, ticket.id, 'resume'));
    const movedDue = Date.parse(resumed.slaDueAt);
    expect(movedDue).toBeGreaterThan(due + 2000);
    await eventually(async () => expect(ok(await ticketOf(manager, ticket.id)).slaBreached).toBe(true), {
      timeoutMs: 20_000,
    });
    const breaches = await storedEvents(`ticketing.ticket.${ticket.id}.sla_breached`);
    expect(breaches).toHaveLength(1);
    expect(Date.parse(breaches[0]!.time)).toBeGreaterThanOrEqual(movedDue);
    expect(breaches[0]!.data['slaDueAt']).toBe(resumed.slaDueAt);
    const breached = ok(await clerk.http.GET('/tickets', { params: { query: { breached: 'true' } } }));
    expect(breached.items.map((t) => t.id)).toContain(ticket.id);
  });
});

/** Every event stored in the TICKETING stream under a subject. */
async function storedEvents(subject: string): Promise<{ time: string; data: Record<string, unknown> }[]> {
  const consumer = await jetstream(nats).consumers.get('TICKETING', { filter_subjects: subject });
  const events: { time: string; data: Record<string, unknown> }[] = [];
  const messages = await consumer.fetch({ max_messages: 10, expires: 1000 });
  for await (const message of messages) events.push(message.json());
  return events;
}
