/**
 * The dashboards through the gateway (docs/dashboards.md): orders placed, paid and cancelled, stock,
 * tickets and shifts made through the REST API show on GET /dashboards/sales and /operations; each
 * dashboard's roles; and a socket subscriber receives the debounced updates it may read.
 */
import { OmniRealtime, SubscriptionRefusedError, ok, type EventFrame, type OmniClient } from '@omni/client';
import { eventually, startSystem, type RunningSystem } from '@omni/testing';
import { raw, signInAsAdmin, signInWithRoles } from '../../gateway/test/helpers.js';
import { eur, openShiftToday, placeOrder as placeOrderAs, productWithStock } from './seed.js';

// Seven processes start here; on a machine loaded by other work that took longer than the default.
const READY_TIMEOUT_MS = 240_000;

let system: RunningSystem;
let admin: OmniClient;
let sales: OmniClient;
let staff: OmniClient;

beforeAll(async () => {
  system = await startSystem({ env: { OPS_SAMPLE_INTERVAL_MS: '300' }, readyTimeoutMs: READY_TIMEOUT_MS });
  admin = await signInAsAdmin(system);
  sales = await signInWithRoles(system, admin, ['sales']);
  staff = await signInWithRoles(system, admin, ['staff']);
}, READY_TIMEOUT_MS + 60_000);

afterAll(async () => {
  await system?.stop();
});

const today = () => new Date().toISOString().slice(0, 10);
const placeOrder = (productId: string, locationId: string, quantity: number) =>
  placeOrderAs(sales, admin, { productId, locationId, quantity });

const salesDashboard = async (client: OmniClient = admin) =>
  ok(await client.http.GET('/dashboards/sales', { params: { query: { from: today(), to: today() } } }));
const operationsDashboard = async () => ok(await admin.http.GET('/dashboards/operations'));

describe('the sales dashboard', () => {
  it('reflects orders placed, paid and cancelled through the gateway, and their products', async () => {
    const { product, location } = await productWithStock(admin, 1000, 50);
    const [paid, cancelled, open] = [
      await placeOrder(product.id, location.id, 3),
      await placeOrder(product.id, location.id, 2),
      await placeOrder(product.id, location.id, 1),
    ];
    await eventually(async () =>
      ok(
        await admin.http.POST('/payments', { body: { orderId: paid.id, amount: eur(3000), method: 'card' } }),
      ),
    );
    ok(
      await sales.http.POST('/orders/{orderId}/cancel', {
        params: { path: { orderId: cancelled.id } },
        body: { reason: 'changed mind' },
      }),
    );
    expect(open.total).toEqual(eur(1000));

    await eventually(async () => {
      const dashboard = await salesDashboard(sales);
      expect(dashboard.days).toEqual([
        { date: today(), ordersPlaced: 3, ordersPaid: 1, ordersCancelled: 1, revenue: eur(3000) },
      ]);
      expect(dashboard.averageOrderValue).toEqual(eur(Math.floor(6000 / 3)));
      expect(dashboard.topProducts).toEqual([
        { productId: product.id, sku: product.sku, name: product.name, quantity: 4 },
      ]);
    });
  });

  it('answers the last 30 days by default and refuses a reversed or too long range with 400', async () => {
    const dashboard = ok(await admin.http.GET('/dashboards/sales'));
    expect(dashboard.days).toHaveLength(30);
    expect(dashboard.to).toBe(today());
    const reversed = await raw(system, '/dashboards/sales?from=2026-02-02&to=2026-02-01', {
      token: admin.accessToken!,
    });
    expect(reversed.status).toBe(400);
    const long = await raw(system, '/dashboards/sales?from=2020-01-01&to=2026-01-01', {
      token: admin.accessToken!,
    });
    expect(long.status).toBe(400);
    const notADay = await raw(system, '/dashboards/sales?from=yesterday', { token: admin.accessToken! });
    expect(notADay.status).toBe(400);
  });

  it('is for admin, manager, sales and accountant', async () => {
    const accountant = await signInWithRoles(system, admin, ['accountant']);
    expect((await accountant.http.GET('/dashboards/sales')).response.status).toBe(200);
    expect((await staff.http.GET('/dashboards/sales')).response.status).toBe(403);
  });
});

describe('the operations dashboard', () => {
  it('reflects low stock, open tickets, SLA breaches and today’s shifts, with relay lag and dead letters per service', async () => {
    await productWithStock(admin, 100, 2, 5);
    ok(
      await staff.http.POST('/tickets', {
        body: { kind: 'incident', title: 'Leak', description: 'Water on the floor', priority: 'critical' },
      }),
    );
    await openShiftToday(admin);

    await eventually(async () => {
      const dashboard = await operationsDashboard();
      expect(dashboard.lowStockProducts).toBe(1);
      expect(dashboard.openTickets).toEqual({ low: 0, normal: 0, high: 0, critical: 1 });
      expect(dashboard.slaBreachesToday).toBe(0);
      expect(dashboard.shiftsToday).toEqual({ open: 1, assigned: 0, missed: 0 });
      const services = dashboard.services.map((s) => s.service);
      expect(services).toEqual(
        expect.arrayContaining(['inventory', 'orders', 'payments', 'scheduling', 'ticketing']),
      );
      for (const s of dashboard.services.filter((x) => x.service !== 'notification')) {
        expect(s.relayLagEvents).not.toBeNull();
        expect(s.deadLetters).toBe(0);
      }
    });
  });

  it('is for admin and manager only', async () => {
    const manager = await signInWithRoles(system, admin, ['manager']);
    expect((await manager.http.GET('/dashboards/operations')).response.status).toBe(200);
    expect((await sales.http.GET('/dashboards/operations')).response.status).toBe(403);
  });
});

describe('live updates', () => {
  it('reach a socket subscriber, debounced to at most one a second, only for the dashboards its role may read', async () => {
    const frames: EventFrame[] = [];
    const socket = new OmniRealtime({ baseUrl: system.baseUrl, accessToken: () => sales.accessToken! });
    await socket.subscribe('analytics.dashboard.>', (frame) => frames.push(frame));
    const before = (await salesDashboard()).totals.ordersPlaced;

    const { product, location } = await productWithStock(admin, 700, 20, 0);
    for (let i = 0; i < 4; i++) await placeOrder(product.id, location.id, 1);

    await eventually(() => {
      const latest = frames.at(-1)?.event.data as { today?: { ordersPlaced: number } } | undefined;
      expect(latest?.today?.ordersPlaced).toBe(before + 4);
    });
    expect(new Set(frames.map((f) => f.subject))).toEqual(new Set(['analytics.dashboard.sales.updated']));
    const times = frames.map((f) => Date.parse((f.event.data as { at: string }).at));
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
    socket.close();

    const refused = new OmniRealtime({ baseUrl: system.baseUrl, accessToken: () => staff.accessToken! });
    await expect(refused.subscribe('analytics.>', () => undefined)).rejects.toBeInstanceOf(
      SubscriptionRefusedError,
    );
    refused.close();
  });
});
