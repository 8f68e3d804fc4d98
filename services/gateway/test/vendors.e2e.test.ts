import { OmniClient, OmniRealtime, ok, type EventFrame } from '@omni/client';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';
import WebSocket from 'ws';
import { signInAsAdmin, signInWithRoles, unique } from './helpers.js';

let system: RunningSystem;
let admin: OmniClient;

beforeAll(async () => {
  system = await startSystem();
  admin = await signInAsAdmin(system);
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await system?.stop();
});

const price = { amount: 500, currency: 'EUR' };

async function createVendor() {
  return ok(await admin.http.POST('/inventory/vendors', { body: { code: unique('V'), name: 'Vendor' } }));
}

async function signInAsVendorUser(vendorId: string) {
  const email = `${unique('vendor')}@omni.test`;
  ok(
    await admin.http.POST('/users', {
      body: { email, name: 'Vendor user', password: 'correct horse battery', roles: ['vendor'], vendorId },
    }),
  );
  const client = new OmniClient({ baseUrl: system.baseUrl });
  await client.login(email, 'correct horse battery');
  return client;
}

const createProduct = async (
  client: OmniClient,
  body: { sku: string; vendorId?: string; category?: string },
) => client.http.POST('/inventory/products', { body: { name: 'Item', price, ...body } });

describe('vendors', () => {
  it('are created by admins and managers, listed, and their codes are unique', async () => {
    const vendor = await createVendor();
    const again = await admin.http.POST('/inventory/vendors', { body: { code: vendor.code, name: 'Other' } });
    expect(again.response.status).toBe(409);
    const clerk = await signInWithRoles(system, admin, ['clerk']);
    const byClerk = await clerk.http.POST('/inventory/vendors', { body: { code: unique('V'), name: 'X' } });
    expect(byClerk.response.status).toBe(403);
    const listed = ok(await admin.http.GET('/inventory/vendors', { params: { query: { limit: 200 } } }));
    expect(listed.items.map((v) => v.id)).toContain(vendor.id);
  });
});

describe('renaming a vendor', () => {
  const rename = (client: OmniClient, vendorId: string, name: string, ifMatch?: string) =>
    client.http.PATCH('/inventory/vendors/{vendorId}', {
      params: { path: { vendorId } },
      body: { name },
      ...(ifMatch ? { headers: { 'If-Match': ifMatch } } : {}),
    });

  it('publishes inventory.vendor.<id>.updated and the list shows the new name', async () => {
    const vendor = await createVendor();
    const realtime = new OmniRealtime({ baseUrl: system.baseUrl, client: admin });
    const frames: EventFrame[] = [];
    await realtime.subscribe(`inventory.vendor.${vendor.id}.>`, (frame) => frames.push(frame));
    const manager = await signInWithRoles(system, admin, ['manager']);

    const renamed = ok(await rename(manager, vendor.id, 'Card Palace'));
    expect(renamed).toMatchObject({ id: vendor.id, code: vendor.code, name: 'Card Palace', version: 2 });
    await eventually(() => expect(frames).toHaveLength(1));
    expect(frames[0]!.subject).toBe(`inventory.vendor.${vendor.id}.updated`);
    expect(frames[0]!.event.data).toEqual({ vendorId: vendor.id, changes: { name: 'Card Palace' } });

    const listed = ok(await admin.http.GET('/inventory/vendors', { params: { query: { limit: 200 } } }));
    expect(listed.items.find((v) => v.id === vendor.id)?.name).toBe('Card Palace');
    // The same name again changes nothing and publishes nothing.
    expect(ok(await rename(admin, vendor.id, 'Card Palace'))).toMatchObject({ version: 2 });
    realtime.close();
  });

  it('is for admins and managers; an unknown vendor is 404, a stale If-Match 412, a blank name 400', async () => {
    const vendor = await createVendor();
    for (const roles of [['clerk'], ['sales']]) {
      const other = await signInWithRoles(system, admin, roles);
      expect((await rename(other, vendor.id, 'Mine')).response.status).toBe(403);
    }
    const ownUser = await signInAsVendorUser(vendor.id);
    expect((await rename(ownUser, vendor.id, 'Mine')).response.status).toBe(403);

    const unknown = await rename(admin, '00000000-0000-4000-8000-000000000000', 'Nobody');
    expect(unknown.response.status).toBe(404);
    expect(unknown.error).toMatchObject({ code: 'vendor_not_found' });
    expect((await rename(admin, vendor.id, '   ')).response.status).toBe(400);

    expect(ok(await rename(admin, vendor.id, 'First', '"1"'))).toMatchObject({ name: 'First', version: 2 });
    expect((await rename(admin, vendor.id, 'Second', '"1"')).response.status).toBe(412);
  });
});

describe('when a vendor user works with the catalogue', () => {
  it("sees and changes only its own vendor's products; another's are 404 to read and 403 to take", async () => {
    const [a, b] = [await createVendor(), await createVendor()];
    const category = unique('cat');
    const vendorA = await signInAsVendorUser(a.id);
    const ownProduct = ok(await createProduct(vendorA, { sku: unique('A'), category }));
    expect(ownProduct.vendorId).toBe(a.id);
    const bProduct = ok(await createProduct(admin, { sku: unique('B'), category, vendorId: b.id }));
    const noVendor = ok(await createProduct(admin, { sku: unique('N'), category }));

    const listed = ok(await vendorA.http.GET('/inventory/products', { params: { query: { category } } }));
    expect(listed.items.map((p) => p.id)).toEqual([ownProduct.id]);
    const askedForB = ok(
      await vendorA.http.GET('/inventory/products', { params: { query: { category, vendorId: b.id } } }),
    );
    expect(askedForB.items).toEqual([]);
    for (const hidden of [bProduct, noVendor]) {
      const read = await vendorA.http.GET('/inventory/products/{productId}', {
        params: { path: { productId: hidden.id } },
      });
      expect(read.response.status).toBe(404);
      const change = await vendorA.http.PATCH('/inventory/products/{productId}', {
        params: { path: { productId: hidden.id } },
        body: { name: 'Mine now' },
      });
      expect(change.response.status).toBe(404);
    }

    expect((await createProduct(vendorA, { sku: unique('A'), vendorId: b.id })).response.status).toBe(403);
    const move = await vendorA.http.PATCH('/inventory/products/{productId}', {
      params: { path: { productId: ownProduct.id } },
      body: { vendorId: b.id },
    });
    expect(move.response.status).toBe(403);
    const renamed = ok(
      await vendorA.http.PATCH('/inventory/products/{productId}', {
        params: { path: { productId: ownProduct.id } },
        body: { name: 'Renamed' },
      }),
    );
    expect(renamed).toMatchObject({ name: 'Renamed', vendorId: a.id });

    const manager = await signInWithRoles(system, admin, ['manager']);
    const all = ok(await manager.http.GET('/inventory/products', { params: { query: { category } } }));
    expect(all.items.map((p) => p.id).sort()).toEqual([ownProduct.id, bProduct.id, noVendor.id].sort());
    const onlyB = ok(
      await manager.http.GET('/inventory/products', { params: { query: { category, vendorId: b.id } } }),
    );
    expect(onlyB.items.map((p) => p.id)).toEqual([bProduct.id]);
  });

  it('refuses a product for a vendor that does not exist with 422', async () => {
    const response = await createProduct(admin, {
      sku: unique('X'),
      vendorId: '0190ffff-0000-7000-8000-000000000000',
    });
    expect(response.response.status).toBe(422);
  });
});

describe("when a vendor user's socket follows products", () => {
  it("receives only its own vendor's product events", async () => {
    const [a, b] = [await createVendor(), await createVendor()];
    const vendorA = await signInAsVendorUser(a.id);
    const socket = new WebSocket(
      `${system.baseUrl.replace('http', 'ws')}/ws?access_token=${vendorA.accessToken}`,
    );
    const frames: { op: string; event?: { subject: string; data: { vendorId?: string } } }[] = [];
    socket.on('message', (data) => frames.push(JSON.parse(String(data)) as (typeof frames)[number]));
    await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
    socket.send(JSON.stringify({ op: 'subscribe', id: 'p', subject: 'inventory.product.*.>' }));
    await eventually(() => expect(frames.some((f) => f.op === 'subscribed')).toBe(true));

    const bProduct = ok(await createProduct(admin, { sku: unique('B'), vendorId: b.id }));
    const aProduct = ok(await createProduct(admin, { sku: unique('A'), vendorId: a.id }));
    // The later event of A's product arrives after B's (one stream, in order): B's was withheld.
    await eventually(() => expect(frames.some((f) => f.event?.subject === aProduct.id)).toBe(true));
    const subjects = frames.filter((f) => f.op === 'event').map((f) => f.event!.subject);
    expect(subjects).not.toContain(bProduct.id);
    expect(frames.filter((f) => f.op === 'event').every((f) => f.event!.data.vendorId === a.id)).toBe(true);
    socket.close();
  });
});

describe('attribute filters', () => {
  const listWith = (client: OmniClient, query: Record<string, string | number>) =>
    client.http.GET('/inventory/products', { params: { query: query as never } });

  it('keep products whose attributes all match exactly, with other filters and page by page', async () => {
    const category = unique('books');
    const register = (sku: string, attributes: Record<string, string>, vendorId?: string) =>
      createProduct(admin, { sku: `${category}-${sku}`, category, ...(vendorId ? { vendorId } : {}) }).then(
        async (created) => {
          const product = ok(created);
          return ok(
            await admin.http.PATCH('/inventory/products/{productId}', {
              params: { path: { productId: product.id } },
              body: { attributes },
            }),
          );
        },
      );
    const ja = [
      await register('1', { language: 'ja', marketRegion: 'JP' }),
      await register('2', { language: 'ja', marketRegion: 'JP', binding: 'paper' }),
      await register('3', { language: 'ja', marketRegion: 'JP' }),
    ];
    await register('4', { language: 'ja', marketRegion: 'US' });
    await register('5', { language: 'JA', marketRegion: 'JP' });
    await register('6', { language: 'en' });

    const query = { category, 'attributes.language': 'ja', 'attributes.marketRegion': 'JP', limit: 2 };
    const first = ok(await listWith(admin, query));
    expect(first.items.map((p) => p.id)).toEqual([ja[0]!.id, ja[1]!.id]);
    const second = ok(await listWith(admin, { ...query, cursor: first.nextCursor! }));
    expect(second.items.map((p) => p.id)).toEqual([ja[2]!.id]);
    expect(second.nextCursor).toBeNull();

    const unknownKey = ok(await listWith(admin, { category, 'attributes.noSuchKey': 'ja' }));
    expect(unknownKey.items).toEqual([]);
    const paper = ok(await listWith(admin, { category, 'attributes.binding': 'paper', q: `${category}-2` }));
    expect(paper.items.map((p) => p.id)).toEqual([ja[1]!.id]);
  });

  it('refuses malformed keys and values with a 400 naming each parameter', async () => {
    const response = await fetch(
      `${system.baseUrl}/api/v1/inventory/products?attributes.bad%20key=x&attributes.empty=&attributes.ok=1`,
      { headers: { authorization: `Bearer ${admin.accessToken}` } },
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { path: string }[] };
    expect(body.errors.map((e) => e.path).sort()).toEqual(['attributes.bad key', 'attributes.empty']);
  });
});
