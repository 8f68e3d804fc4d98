/**
 * The operations dashboard's read models (stockLevels, openTickets, todaysShifts, each from its own
 * service's stream), given events, read through the dashboard query: each KPI on its own. The
 * sampled part (relay lag, dead letters) is specified in health-sampler.int.test.ts.
 */
import { newId } from '@omni/contracts';
import { givenStreamEvents, type SpecStreamEvent } from '@omni/projections';
import { useTestDatabase } from '@omni/testing';
import { openTicketsProjection } from '../src/projections/openTickets/projection.js';
import { operationsDashboard } from '../src/projections/operationsDashboard/query.js';
import { stockLevelsProjection } from '../src/projections/stockLevels/projection.js';
import { todaysShiftsProjection } from '../src/projections/todaysShifts/projection.js';
import { migrateAnalyticsSchema } from '../src/schema.js';

const database = useTestDatabase();
let schemas = 0;

const NOW = new Date('2026-03-02T15:00:00.000Z');
const TODAY = '2026-03-02';
const YESTERDAY = '2026-03-01';

/** The dashboard at NOW, given each source stream's events, in a fresh schema. */
async function dashboardGiven(given: {
  inventory?: SpecStreamEvent[];
  ticketing?: SpecStreamEvent[];
  scheduling?: SpecStreamEvent[];
}) {
  const schema = `spec_ops_${++schemas}`;
  await givenStreamEvents(database.pool, schema, stockLevelsProjection, given.inventory ?? []);
  await givenStreamEvents(database.pool, schema, openTicketsProjection, given.ticketing ?? []);
  await givenStreamEvents(database.pool, schema, todaysShiftsProjection, given.scheduling ?? []);
  await migrateAnalyticsSchema(database.pool, schema);
  return operationsDashboard(database.pool, schema, NOW);
}

// ---- inventory ------------------------------------------------------------------------------

const registered = (productId: string, reorderLevel: number): SpecStreamEvent => ({
  type: 'inventory.product.registered',
  subject: productId,
  data: {
    productId,
    sku: `S-${productId.slice(0, 6)}`,
    name: 'Lamp',
    description: null,
    category: null,
    price: { amount: 100, currency: 'EUR' },
    reorderLevel,
    attributes: {},
  },
});
const stock = (productId: string, type: string, available: number): SpecStreamEvent => {
  const locationId = newId();
  const level = { onHand: available, reserved: 0, available };
  const data: Record<string, unknown> = {
    productId,
    levels: [{ locationId, ...level }],
    totals: level,
  };
  if (type === 'stock_received') Object.assign(data, { locationId, quantity: 1, reference: null });
  if (type === 'stock_adjusted') Object.assign(data, { locationId, quantityDelta: -5, reason: 'count' });
  return { type: `inventory.product.${type}`, subject: productId, data };
};

describe('the operations dashboard', () => {
  describe('when products are at, below and above their reorder level', () => {
    it('counts those at or below it as low stock', async () => {
      const [at, below, above, raised] = [newId(), newId(), newId(), newId()];
      const { lowStockProducts } = await dashboardGiven({
        inventory: [
          registered(at, 5),
          stock(at, 'stock_received', 5),
          registered(below, 5),
          stock(below, 'stock_received', 2),
          registered(above, 5),
          stock(above, 'stock_received', 6),
          registered(raised, 1),
          stock(raised, 'stock_received', 3),
          {
            type: 'inventory.product.updated',
            subject: raised,
            data: { productId: raised, changes: { reorderLevel: 10 } },
          },
        ],
      });
      expect(lowStockProducts).toBe(3);
    });

    it("takes each product's last total when several stock events come together", async () => {
      const [fell, recovered] = [newId(), newId()];
      const { lowStockProducts } = await dashboardGiven({
        inventory: [
          registered(fell, 5),
          registered(recovered, 5),
          stock(fell, 'stock_received', 8),
          stock(recovered, 'stock_received', 2),
          stock(fell, 'stock_adjusted', 3),
          stock(recovered, 'stock_received', 9),
        ],
      });
      expect(lowStockProducts).toBe(1);
    });
  });
});

// ---- ticketing ------------------------------------------------------------------------------

const reporterId = newId();
const ticket = (ticketId: string, type: string, extra: object = {}, time?: string): SpecStreamEvent => ({
  type: `ticketing.ticket.${type}`,
  subject: ticketId,
  ...(time ? { time } : {}),
  data: { ticketId, reporterId, assigneeUserId: null, ...extra },
});
const opened = (ticketId: string, priority: string) =>
  ticket(ticketId, 'opened', {
    number: 'INC-1',
    kind: 'incident',
    title: 'Broken',
    description: 'It broke',
    priority,
    incidentTypeId: null,
    facilityId: null,
    productId: null,
    openedAt: `${YESTERDAY}T08:00:00.000Z`,
    slaDueAt: `${YESTERDAY}T09:00:00.000Z`,
  });
const slaDueAt = `${TODAY}T09:00:00.000Z`;

describe('the operations dashboard', () => {
  describe('when tickets were opened, moved, closed and reopened', () => {
    it('counts the open ones by priority', async () => {
      const [a, b, c, d, e, f] = [newId(), newId(), newId(), newId(), newId(), newId()];
      const { openTickets } = await dashboardGiven({
        ticketing: [
          opened(a, 'critical'),
          opened(b, 'high'),
          ticket(b, 'started'),
          opened(c, 'low'),
          ticket(c, 'resolved', { resolution: 'fixed' }),
          opened(d, 'low'),
          ticket(d, 'resolved', { resolution: 'fixed' }),
          ticket(d, 'reopened', { reason: 'not fixed', slaDueAt }),
          opened(e, 'normal'),
          ticket(e, 'cancelled', { reason: null }),
          opened(f, 'normal'),
          ticket(f, 'updated', { changes: { priority: 'high' }, slaDueAt }),
        ],
      });
      expect(openTickets).toEqual({ low: 1, normal: 0, high: 2, critical: 1 });
    });
  });

  describe('when SLAs were breached today and yesterday', () => {
    it('counts today’s breaches (UTC), resolved tickets included', async () => {
      const [a, b, c] = [newId(), newId(), newId()];
      const { slaBreachesToday } = await dashboardGiven({
        ticketing: [
          opened(a, 'high'),
          ticket(a, 'sla_breached', { slaDueAt }, `${TODAY}T09:00:01.000Z`),
          ticket(a, 'resolved', { resolution: 'late' }),
          opened(b, 'high'),
          ticket(b, 'sla_breached', { slaDueAt }, `${TODAY}T00:00:00.000Z`),
          opened(c, 'high'),
          ticket(c, 'sla_breached', { slaDueAt }, `${YESTERDAY}T23:59:59.000Z`),
        ],
      });
      expect(slaBreachesToday).toBe(2);
    });
  });
});

// ---- scheduling -----------------------------------------------------------------------------

const staffId = newId();
const shift = (shiftId: string, type: string, extra: object = {}): SpecStreamEvent => ({
  type: `scheduling.shift.${type}`,
  subject: shiftId,
  data: { shiftId, staffId, staffUserId: null, ...extra },
});
const when = (day: string, hour: number) => {
  const startsAt = `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  const endsAt = `${day}T${String(hour + 4).padStart(2, '0')}:00:00.000Z`;
  return { facilityId: newId(), startsAt, endsAt };
};
const scheduled = (shiftId: string, day: string, hour: number, assigned: boolean) =>
  shift(shiftId, 'scheduled', {
    ...when(day, hour),
    position: null,
    notes: null,
    staffId: assigned ? staffId : null,
  });

describe('the operations dashboard', () => {
  describe('when shifts start today, yesterday and move between days', () => {
    it('counts today’s shifts as open, assigned (working or done too) and missed; cancelled ones not', async () => {
      const ids = Array.from({ length: 9 }, () => newId());
      const [open, assigned, working, done, missed, cancelled, yesterday, movedIn, unassigned] = ids as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const at = `${TODAY}T10:00:00.000Z`;
      const { shiftsToday } = await dashboardGiven({
        scheduling: [
          scheduled(open, TODAY, 6, false),
          scheduled(assigned, TODAY, 8, false),
          shift(assigned, 'assigned', when(TODAY, 8)),
          scheduled(working, TODAY, 9, true),
          shift(working, 'clocked_in', { at }),
          scheduled(done, TODAY, 1, true),
          shift(done, 'clocked_in', { at }),
          shift(done, 'clocked_out', { at, minutes: 60 }),
          scheduled(missed, TODAY, 2, true),
          shift(missed, 'missed', when(TODAY, 2)),
          scheduled(cancelled, TODAY, 3, false),
          shift(cancelled, 'cancelled', { reason: 'rain', staffId: null }),
          scheduled(yesterday, YESTERDAY, 9, false),
          scheduled(movedIn, YESTERDAY, 10, false),
          shift(movedIn, 'rescheduled', { ...when(TODAY, 10), previous: when(YESTERDAY, 10), staffId: null }),
          scheduled(unassigned, TODAY, 11, true),
          shift(unassigned, 'unassigned', { reason: 'manual' }),
        ],
      });
      expect(shiftsToday).toEqual({ open: 3, assigned: 3, missed: 1 });
    });
  });
});
