/**
 * The sales dashboard's read models (salesByDay from orders' stream, revenueByDay from payments'),
 * given events, read through the dashboard query: each KPI on its own.
 */
import { newId } from '@omni/contracts';
import { ensureProjection, givenStreamEvents, type SpecStreamEvent } from '@omni/projections';
import { useTestDatabase } from '@omni/testing';
import { revenueByDayProjection } from '../src/projections/revenueByDay/projection.js';
import { salesByDayProjection } from '../src/projections/salesByDay/projection.js';
import { addDays } from '../src/projections/days.js';
import { salesDashboard } from '../src/projections/salesDashboard/query.js';

const database = useTestDatabase();
let schemas = 0;

const money = (amount: number, currency = 'EUR') => ({ amount, currency });
const DAY1 = '2026-03-01';
const DAY2 = '2026-03-02';
const at = (day: string, hour = 12) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;

interface Line {
  productId: string;
  quantity: number;
  unitPrice: number;
  name?: string;
}

function placed(orderId: string, day: string, lines: Line[], currency = 'EUR'): SpecStreamEvent {
  const priced = lines.map((l) => ({
    productId: l.productId,
    sku: `SKU-${l.productId.slice(0, 4)}`,
    name: l.name ?? 'Widget',
    quantity: l.quantity,
    unitPrice: money(l.unitPrice, currency),
    lineTotal: money(l.unitPrice * l.quantity, currency),
  }));
  const total = priced.reduce((n, l) => n + l.lineTotal.amount, 0);
  return {
    type: 'orders.order.placed',
    subject: orderId,
    time: at(day),
    data: {
      orderId,
      customer: { name: 'Ada' },
      locationId: newId(),
      lines: priced,
      total: money(total, currency),
      notes: null,
    },
  };
}
const statusChanged = (orderId: string, day: string, from: string, to: string): SpecStreamEvent => ({
  type: 'orders.order.status_changed',
  subject: orderId,
  time: at(day, 13),
  data: { orderId, from, to },
});
const cancelled = (orderId: string, day: string, paid = 0): SpecStreamEvent => ({
  type: 'orders.order.cancelled',
  subject: orderId,
  time: at(day, 14),
  data: { orderId, reason: 'customer', paid: money(paid) },
});
const recorded = (day: string, amount: number, currency = 'EUR'): SpecStreamEvent => {
  const paymentId = newId();
  return {
    type: 'payments.payment.recorded',
    subject: paymentId,
    time: at(day),
    data: { paymentId, orderId: newId(), amount: money(amount, currency), method: 'card', reference: null },
  };
};
const refunded = (day: string, amount: number): SpecStreamEvent => {
  const paymentId = newId();
  return {
    type: 'payments.payment.refunded',
    subject: paymentId,
    time: at(day),
    data: {
      paymentId,
      orderId: newId(),
      refundId: newId(),
      amount: money(amount),
      reason: 'order_cancelled',
    },
  };
};

/** A fresh schema with the read models of these orders' and payments' events. */
async function salesGiven(orders: SpecStreamEvent[], payments: SpecStreamEvent[] = []) {
  const schema = `spec_sales_${++schemas}`;
  await givenStreamEvents(database.pool, schema, salesByDayProjection, orders);
  await givenStreamEvents(database.pool, schema, revenueByDayProjection, payments);
  return schema;
}

/** The dashboard over DAY1..DAY2, given orders' and payments' events, in a fresh schema. */
async function dashboardGiven(
  orders: SpecStreamEvent[],
  payments: SpecStreamEvent[] = [],
  currency?: string,
) {
  const schema = await salesGiven(orders, payments);
  return salesDashboard(database.pool, schema, { from: DAY1, to: DAY2, ...(currency ? { currency } : {}) });
}

describe('the sales dashboard', () => {
  describe('when nothing happened in the range', () => {
    it('answers every day with zeros', async () => {
      const dashboard = await dashboardGiven([]);
      expect(dashboard.days).toEqual([
        { date: DAY1, ordersPlaced: 0, ordersPaid: 0, ordersCancelled: 0, revenue: money(0) },
        { date: DAY2, ordersPlaced: 0, ordersPaid: 0, ordersCancelled: 0, revenue: money(0) },
      ]);
      expect(dashboard.averageOrderValue).toEqual(money(0));
      expect(dashboard.topProducts).toEqual([]);
    });
  });

  describe('when orders were placed, paid and cancelled', () => {
    const [a, b, c] = [newId(), newId(), newId()];
    const product = newId();
    const events = [
      placed(a, DAY1, [{ productId: product, quantity: 1, unitPrice: 1000 }]),
      placed(b, DAY1, [{ productId: product, quantity: 2, unitPrice: 1000 }]),
      statusChanged(a, DAY2, 'awaiting_payment', 'paid'),
      cancelled(b, DAY2),
      placed(c, DAY2, [{ productId: product, quantity: 1, unitPrice: 500 }]),
    ];

    it('counts placed orders on their placement day, paid and cancelled ones on the day it happened', async () => {
      const { days, totals } = await dashboardGiven(events);
      expect(days.map((d) => [d.date, d.ordersPlaced, d.ordersPaid, d.ordersCancelled])).toEqual([
        [DAY1, 2, 0, 0],
        [DAY2, 1, 1, 1],
      ]);
      expect(totals).toMatchObject({ ordersPlaced: 3, ordersPaid: 1, ordersCancelled: 1 });
    });

    it('averages the value of the orders placed', async () => {
      const { averageOrderValue } = await dashboardGiven(events);
      expect(averageOrderValue).toEqual(money(Math.floor((1000 + 2000 + 500) / 3)));
    });

    it('takes a cancelled order’s units out of the top products', async () => {
      const { topProducts } = await dashboardGiven(events);
      expect(topProducts).toEqual([expect.objectContaining({ productId: product, quantity: 2 })]);
    });
  });

  describe('when an order was rejected', () => {
    it('takes its units out of the top products and counts it only as placed', async () => {
      const order = newId();
      const product = newId();
      const { topProducts, totals } = await dashboardGiven([
        placed(order, DAY1, [{ productId: product, quantity: 5, unitPrice: 100 }]),
        statusChanged(order, DAY1, 'pending', 'rejected'),
      ]);
      expect(topProducts).toEqual([]);
      expect(totals).toMatchObject({ ordersPlaced: 1, ordersPaid: 0, ordersCancelled: 0 });
    });
  });

  describe('when many products sold', () => {
    it('lists the 10 with the most units, most first, adding up lines and days', async () => {
      const products = Array.from({ length: 12 }, () => newId());
      const events = products.map((productId, i) =>
        placed(newId(), i % 2 ? DAY1 : DAY2, [
          { productId, quantity: i + 1, unitPrice: 100, name: `P${i}` },
          { productId, quantity: 1, unitPrice: 100, name: `P${i}` },
        ]),
      );
      const { topProducts } = await dashboardGiven(events);
      expect(topProducts.map((p) => [p.name, p.quantity])).toEqual(
        Array.from({ length: 10 }, (_, k) => [`P${11 - k}`, 13 - k]),
      );
    });
  });

  describe('when payments were recorded and refunded', () => {
    it('counts revenue as recorded less refunded, per day', async () => {
      const { days, totals } = await dashboardGiven(
        [],
        [recorded(DAY1, 3000), recorded(DAY1, 1500), refunded(DAY2, 1000), recorded(DAY2, 200)],
      );
      expect(days.map((d) => d.revenue)).toEqual([money(4500), money(-800)]);
      expect(totals.revenue).toEqual(money(3700));
    });
  });

  describe('when orders and payments use two currencies', () => {
    const events = [
      placed(newId(), DAY1, [{ productId: newId(), quantity: 1, unitPrice: 100 }], 'USD'),
      placed(newId(), DAY1, [{ productId: newId(), quantity: 1, unitPrice: 300 }], 'USD'),
      placed(newId(), DAY1, [{ productId: newId(), quantity: 1, unitPrice: 9000 }], 'EUR'),
    ];
    const payments = [recorded(DAY1, 400, 'USD'), recorded(DAY1, 9000, 'EUR')];

    it('answers in the currency of most orders unless one is asked for', async () => {
      const usd = await dashboardGiven(events, payments);
      expect(usd.currency).toBe('USD');
      expect(usd.averageOrderValue).toEqual(money(200, 'USD'));
      expect(usd.totals.revenue).toEqual(money(400, 'USD'));
      expect(usd.totals.ordersPlaced).toBe(3);

      const eur = await dashboardGiven(events, payments, 'EUR');
      expect(eur.averageOrderValue).toEqual(money(9000));
      expect(eur.totals.revenue).toEqual(money(9000));
    });
  });

  describe('when an event is delivered twice', () => {
    it('counts the placement once', async () => {
      const order = placed(newId(), DAY1, [{ productId: newId(), quantity: 3, unitPrice: 100 }]);
      const { totals, topProducts } = await dashboardGiven([order, order]);
      expect(totals.ordersPlaced).toBe(1);
      expect(topProducts[0]!.quantity).toBe(3);
    });
  });

  describe('when orders span several months', () => {
    // 15 products over ten weeks (Sunday 25 January to Sunday 5 April 2026), three orders a day;
    // every 7th order cancelled and every 11th rejected; each product renamed every month.
    const FIRST = '2026-01-25';
    const LAST = '2026-04-05';
    const products = Array.from({ length: 15 }, () => newId());
    const events: SpecStreamEvent[] = [];
    let n = 0;
    for (let day = FIRST, i = 0; day <= LAST; day = addDays(day, 1), i++)
      for (let j = 0; j < 3; j++) {
        const order = newId();
        const lines = [0, 1].map((line) => {
          const k = (i * 5 + j * 7 + line * 3) % products.length;
          const name = `P${k} (${day.slice(0, 7)})`;
          return { productId: products[k]!, quantity: 1 + (((i + 2) * (k + 1)) % 5), unitPrice: 100, name };
        });
        events.push(placed(order, day, lines));
        if (++n % 7 === 0) events.push(cancelled(order, addDays(day, 2)));
        else if (n % 11 === 0) events.push(statusChanged(order, day, 'pending', 'rejected'));
      }
    const RANGES: [string, string][] = [
      [FIRST, LAST], // whole months, whole weeks and days
      ['2026-01-28', '2026-02-03'], // across a month's end, no whole week
      ['2026-01-26', '2026-03-01'], // whole weeks, then February whole
      ['2026-02-01', '2026-02-28'], // one month
      ['2026-02-10', '2026-03-20'], // weeks on both sides of a month boundary
      ['2026-03-08', '2026-04-06'], // the last 30 days as of 6 April
      ['2026-03-31', '2026-04-01'],
      ['2026-02-14', '2026-02-14'],
    ];

    /** The top products summed from the day rows alone, as the dashboard answered before the rollups. */
    async function topProductsByDay(schema: string, from: string, to: string) {
      const { rows } = await database.pool.query(
        `SELECT product_id AS "productId", (array_agg(sku ORDER BY day DESC))[1] AS sku,
           (array_agg(name ORDER BY day DESC))[1] AS name, sum(quantity)::int AS quantity
         FROM ${schema}.sales_products WHERE day BETWEEN $1 AND $2
         GROUP BY product_id HAVING sum(quantity) > 0 ORDER BY quantity DESC, product_id LIMIT 10`,
        [from, to],
      );
      return rows;
    }

    it('lists the same top products, SKUs and names as summing the range day by day', async () => {
      const schema = await salesGiven(events);
      for (const [from, to] of RANGES) {
        const { topProducts } = await salesDashboard(database.pool, schema, { from, to });
        expect({ from, to, topProducts }).toEqual({
          from,
          to,
          topProducts: await topProductsByDay(schema, from, to),
        });
      }
    });

    it('answers the same after an upgrade from tables made before the rollups', async () => {
      const schema = await salesGiven(events);
      const dashboards = () =>
        Promise.all(RANGES.map(([from, to]) => salesDashboard(database.pool, schema, { from, to })));
      /** The day table's indexes (names left out) and storage options. */
      const layout = async () => {
        const { rows } = await database.pool.query<{ def: string; options: string[] | null }>(
          `SELECT regexp_replace(indexdef, 'INDEX \\S+ ON \\S+', 'INDEX ON') AS def,
             (SELECT reloptions FROM pg_class WHERE oid = $2::regclass) AS options
           FROM pg_indexes WHERE schemaname = $1 AND tablename = 'sales_products' ORDER BY def`,
          [schema, `${schema}.sales_products`],
        );
        return rows;
      };
      const [before, made] = [await dashboards(), await layout()];
      const byProduct = await database.pool.query<{ name: string }>(
        `SELECT indexname AS name FROM pg_indexes WHERE schemaname = $1 AND indexdef LIKE '%(product_id, day)%'`,
        [schema],
      );
      await database.pool.query(`
        DROP TABLE ${schema}.sales_product_rollups;
        DROP INDEX ${schema}.${byProduct.rows[0]!.name};
        ALTER TABLE ${schema}.sales_products RESET (fillfactor)`);

      await ensureProjection(database.pool, schema, salesByDayProjection);

      expect(await dashboards()).toEqual(before);
      expect(await layout()).toEqual(made);
    });
  });
});
