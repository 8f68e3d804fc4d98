import { ordersEvents, type TypedEvent } from '@omni/contracts';
import type { Tx } from '@omni/event-store';
import { streamProjection, tableExists, type TableNames } from '@omni/projections';
import { dayOf } from '../days.js';
import { rollupPeriodsOf } from './rollups.js';

type OrderEvent = TypedEvent<typeof ordersEvents>;

/**
 * The sales dashboard's order figures, from orders' stream: per UTC day and currency the orders
 * placed, paid and cancelled and the value placed; per day and product the units of orders that are
 * still live (a rejected or cancelled order takes its units back from its placement day), with the
 * SKU and name of the day's latest order, and the same units summed per week and per month
 * (`sales_product_rollups`, rollups.ts) so a long range need not add up every day. Each order keeps
 * its currency, day and lines here, because later events name only the order.
 */
export const salesByDayProjection = streamProjection({
  name: 'salesByDay',
  tables: ['sales_days', 'sales_products', 'sales_product_rollups', 'sales_orders'],
  source: { service: 'orders', filterSubject: 'orders.order.>', events: ordersEvents },

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['sales_days']!)) return addRollups(tx, t);
    await tx.query(`
      CREATE TABLE ${t['sales_days']} (
        day date NOT NULL,
        currency char(3) NOT NULL,
        placed int NOT NULL DEFAULT 0,
        paid int NOT NULL DEFAULT 0,
        cancelled int NOT NULL DEFAULT 0,
        placed_amount bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (day, currency)
      );
      CREATE TABLE ${t['sales_products']} (
        day date NOT NULL,
        product_id uuid NOT NULL,
        sku text NOT NULL,
        name text NOT NULL,
        quantity int NOT NULL,
        PRIMARY KEY (day, product_id)
      ) WITH (fillfactor = ${HOT_FILLFACTOR});
      CREATE INDEX ON ${t['sales_products']} (product_id, day);
      CREATE TABLE ${t['sales_orders']} (
        order_id uuid PRIMARY KEY,
        placed_on date NOT NULL,
        currency char(3) NOT NULL,
        lines jsonb NOT NULL,
        live boolean NOT NULL DEFAULT true
      )`);
    await createRollups(tx, t);
  },

  async apply(tx: Tx, event: OrderEvent, t: TableNames) {
    switch (event.type) {
      case 'orders.order.placed':
        return placed(tx, t, event.data, dayOf(event.time));
      case 'orders.order.status_changed':
        if (event.data.to === 'paid')
          await countOnOrderDay(tx, t, event.data.orderId, 'paid', dayOf(event.time));
        if (event.data.to === 'rejected') await takeBackUnits(tx, t, event.data.orderId);
        return;
      case 'orders.order.cancelled':
        await countOnOrderDay(tx, t, event.data.orderId, 'cancelled', dayOf(event.time));
        return takeBackUnits(tx, t, event.data.orderId);
      default:
        return; // payments applied and shipping change no sales figure
    }
  },
});

/**
 * Units rows are updated by every order that names their product that day, week or month. Room left
 * on each page lets PostgreSQL update them in place (HOT: no new index entries), so their indexes
 * stay small however often the rows change.
 */
const HOT_FILLFACTOR = 70;

type Placed = Extract<OrderEvent, { type: 'orders.order.placed' }>['data'];

async function placed(tx: Tx, t: TableNames, order: Placed, day: string): Promise<void> {
  const lines = uniqueByProduct(
    order.lines.map((l) => ({ productId: l.productId, sku: l.sku, name: l.name, quantity: l.quantity })),
  );
  const { rowCount } = await tx.query(
    `INSERT INTO ${t['sales_orders']} (order_id, placed_on, currency, lines) VALUES ($1, $2, $3, $4)
     ON CONFLICT (order_id) DO NOTHING`,
    [order.orderId, day, order.total.currency, JSON.stringify(lines)],
  );
  if (rowCount === 0) return;
  await tx.query(
    `INSERT INTO ${t['sales_days']} (day, currency, placed, placed_amount) VALUES ($1, $2, 1, $3)
     ON CONFLICT (day, currency) DO UPDATE SET placed = EXCLUDED.placed + ${t['sales_days']}.placed,
       placed_amount = EXCLUDED.placed_amount + ${t['sales_days']}.placed_amount`,
    [day, order.total.currency, order.total.amount],
  );
  await tx.query(
    `WITH line AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb) AS l("productId" uuid, sku text, name text, quantity int)
     ), by_day AS (
       INSERT INTO ${t['sales_products']} AS p (day, product_id, sku, name, quantity)
       SELECT $1, "productId", sku, name, quantity FROM line
       ON CONFLICT (day, product_id) DO UPDATE SET quantity = p.quantity + EXCLUDED.quantity,
         sku = EXCLUDED.sku, name = EXCLUDED.name
     )
     INSERT INTO ${t['sales_product_rollups']} AS r (grain, period, product_id, quantity)
     SELECT g.grain, g.period, line."productId", line.quantity
     FROM line CROSS JOIN ${rollupPeriodsOf('$1::date')} AS g(grain, period)
     ON CONFLICT (grain, period, product_id) DO UPDATE SET quantity = r.quantity + EXCLUDED.quantity`,
    [day, JSON.stringify(lines)],
  );
}

/** One line per product (an order may name a product twice): one row each to upsert and take back. */
function uniqueByProduct<L extends { productId: string; quantity: number }>(lines: readonly L[]): L[] {
  const merged = new Map<string, L>();
  for (const line of lines) {
    const seen = merged.get(line.productId);
    merged.set(line.productId, seen ? { ...seen, quantity: seen.quantity + line.quantity } : line);
  }
  return [...merged.values()];
}

/** Counts a paid or cancelled order on the day it happened, in the order's currency. */
async function countOnOrderDay(
  tx: Tx,
  t: TableNames,
  orderId: string,
  column: 'paid' | 'cancelled',
  day: string,
) {
  await tx.query(
    `INSERT INTO ${t['sales_days']} AS d (day, currency, ${column})
     SELECT $2, currency, 1 FROM ${t['sales_orders']} WHERE order_id = $1
     ON CONFLICT (day, currency) DO UPDATE SET ${column} = d.${column} + 1`,
    [orderId, day],
  );
}

/** A rejected or cancelled order's units no longer count toward its placement day's top products. */
async function takeBackUnits(tx: Tx, t: TableNames, orderId: string): Promise<void> {
  await tx.query(
    `WITH gone AS (
       UPDATE ${t['sales_orders']} SET live = false WHERE order_id = $1 AND live RETURNING placed_on, lines
     ), line AS (
       SELECT gone.placed_on, l."productId", l.quantity
       FROM gone, jsonb_to_recordset(gone.lines) AS l("productId" uuid, quantity int)
     ), by_day AS (
       UPDATE ${t['sales_products']} AS p SET quantity = p.quantity - line.quantity
       FROM line WHERE p.day = line.placed_on AND p.product_id = line."productId"
     )
     UPDATE ${t['sales_product_rollups']} AS r SET quantity = r.quantity - line.quantity
     FROM line CROSS JOIN LATERAL ${rollupPeriodsOf('line.placed_on')} AS g(grain, period)
     WHERE r.grain = g.grain AND r.period = g.period AND r.product_id = line."productId"`,
    [orderId],
  );
}

async function createRollups(tx: Tx, t: TableNames): Promise<void> {
  await tx.query(`
    CREATE TABLE ${t['sales_product_rollups']} (
      grain text NOT NULL CHECK (grain IN ('week', 'month')),
      period date NOT NULL,
      product_id uuid NOT NULL,
      quantity int NOT NULL,
      PRIMARY KEY (grain, period, product_id)
    ) WITH (fillfactor = ${HOT_FILLFACTOR})`);
}

/**
 * Tables made before the rollups existed get them summed from their day rows, and the index the
 * top products' names are looked up by, so an upgrade answers the same without a replay. Writers
 * wait meanwhile (`SHARE`): an older replica still running must not add units the sum misses. One
 * that goes on folding afterwards writes day rows without their rollups: `omni replay analytics`
 * once the last of them has stopped puts that right.
 */
async function addRollups(tx: Tx, t: TableNames): Promise<void> {
  if (await tableExists(tx, t['sales_product_rollups']!)) return;
  const days = t['sales_products']!;
  await tx.query(`LOCK TABLE ${days} IN SHARE MODE`);
  await createRollups(tx, t);
  await tx.query(`
    ALTER TABLE ${days} SET (fillfactor = ${HOT_FILLFACTOR});
    CREATE INDEX ON ${days} (product_id, day);
    INSERT INTO ${t['sales_product_rollups']} (grain, period, product_id, quantity)
    SELECT g.grain, g.period, p.product_id, sum(p.quantity)
    FROM ${days} AS p CROSS JOIN LATERAL ${rollupPeriodsOf('p.day')} AS g(grain, period)
    GROUP BY g.grain, g.period, p.product_id`);
}
