/**
 * `omni replay ticketing`: every read model of ticketing (tickets with their history, holds,
 * comments and assignments, SLA timers, incident types, and the views fed by scheduling's and
 * inventory's streams) is rebuilt while reads go on, and comes out equal to the live one.
 */
import { OmniClient, ok } from '@omni/client';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { signInAsAdmin, unique } from '../../gateway/test/helpers.js';

const run = promisify(execFile);
const OMNI = fileURLToPath(new URL('../../../packages/cli/bin/omni.js', import.meta.url));
const READ_MODELS = [
  'ticket_list',
  'sla_timers',
  'incident_types',
  'staff_view',
  'facility_view',
  'product_view',
];

let system: RunningSystem;
let admin: OmniClient;
let db: pg.Pool;

beforeAll(async () => {
  system = await startSystem();
  admin = await signInAsAdmin(system);
  db = new pg.Pool({ connectionString: system.database.url, max: 2 });
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await db?.end();
  await system?.stop();
});

async function replay() {
  const { stdout } = await run(process.execPath, [OMNI, '--json', 'replay', 'ticketing'], {
    env: { ...process.env, NATS_URL: system.nats.url, DATABASE_URL: system.database.url },
  });
  return JSON.parse(stdout) as { events: number; projections: { projection: string }[] };
}

/** Every row of ticketing's read models, in a stable order: what a rebuild must reproduce. */
async function readModels() {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of READ_MODELS)
    snapshot[table] = (await db.query(`SELECT * FROM ticketing.${table} ORDER BY 1`)).rows;
  return snapshot;
}

/** A staff member, a facility and a product from the other services, known to ticketing's views. */
async function seedNeighbours() {
  const staff = ok(
    await admin.http.POST('/scheduling/staff', { body: { name: 'Ada', email: 'ada@omni.test' } }),
  );
  const facility = ok(
    await admin.http.POST('/scheduling/facilities', { body: { code: unique('TK'), name: 'Studio' } }),
  );
  const product = ok(
    await admin.http.POST('/inventory/products', {
      body: { sku: unique('TK'), name: 'Lamp', price: { amount: 900, currency: 'EUR' } },
    }),
  );
  await eventually(async () => {
    const { rows } = await db.query(
      `SELECT (SELECT count(*) FROM ticketing.staff_view)::int + (SELECT count(*) FROM ticketing.facility_view)::int
            + (SELECT count(*) FROM ticketing.product_view)::int AS known`,
    );
    expect(rows[0].known).toBe(3);
  });
  return { staffId: staff.id, facilityId: facility.id, productId: product.id };
}

/** Tickets in every shape: open, assigned, on hold, resolved, with public and internal comments. */
async function seedTickets(count: number) {
  const { staffId, facilityId, productId } = await seedNeighbours();
  const type = ok(
    await admin.http.POST('/tickets/incident-types', {
      body: { code: unique('TY'), name: 'Broken', defaultPriority: 'high' },
    }),
  );
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const body =
      i % 2 === 0
        ? {
            kind: 'incident' as const,
            title: `Broken ${i}`,
            description: 'it broke',
            incidentTypeId: type.id,
            facilityId,
          }
        : {
            kind: 'service' as const,
            title: `Service ${i}`,
            description: 'please',
            priority: 'low' as const,
            productId,
          };
    const ticket = ok(await admin.http.POST('/tickets', { body: body as never }));
    ids.push(ticket.id);
    const path = { params: { path: { ticketId: ticket.id } } };
    ok(
      await admin.http.POST('/tickets/{ticketId}/comments', {
        ...path,
        body: { body: `note ${i}`, internal: i % 3 === 0 },
      }),
    );
    if (i % 4 === 0) continue; // stays open
    ok(await admin.http.POST('/tickets/{ticketId}/assign', { ...path, body: { staffId } }));
    if (i % 4 === 1) continue; // stays assigned
    ok(await admin.http.POST('/tickets/{ticketId}/start', path));
    ok(await admin.http.POST('/tickets/{ticketId}/hold', { ...path, body: { reason: 'parts' } }));
    if (i % 4 === 2) continue; // stays on hold
    ok(await admin.http.POST('/tickets/{ticketId}/resume', path));
    ok(await admin.http.POST('/tickets/{ticketId}/resolve', { ...path, body: { resolution: 'fixed' } }));
  }
  return ids;
}

/** Reads one ticket and the list in a loop until stopped; counts failed reads. */
function keepReading(ticketId: string) {
  let busy = true;
  let failures = 0;
  let reads = 0;
  const done = (async () => {
    while (busy) {
      const ticket = await admin.http.GET('/tickets/{ticketId}', { params: { path: { ticketId } } });
      const list = await admin.http.GET('/tickets', { params: { query: { status: 'on_hold' } } });
      if (!ticket.response.ok || !list.response.ok || list.data?.items.length !== 2) failures++;
      else reads++;
    }
  })();
  return async () => {
    busy = false;
    await done;
    return { failures, reads };
  };
}

it('omni replay ticketing rebuilds every read model equal to the live one while reads go on', async () => {
  const ids = await seedTickets(8);
  const live = await readModels();
  expect(live['ticket_list']).toHaveLength(8);
  const stopReading = keepReading(ids[2]!);
  const result = await replay();
  const { failures, reads } = await stopReading();
  expect(result.projections.map((p) => p.projection)).toEqual([
    'tickets,incidentTypes', // the log's projections are rebuilt in one pass
    'staff',
    'facilities',
    'products',
  ]);
  expect(result.events).toBeGreaterThan(0);
  expect(reads).toBeGreaterThan(0);
  expect(failures).toBe(0);
  expect(await readModels()).toEqual(live);
});
