import type { analytics } from '@omni/contracts';
import type { Pool } from 'pg';
import { coverRange } from '../salesByDay/rollups.js';

/** When no order or payment in the range names a currency, the answer still needs one. */
const FALLBACK_CURRENCY = 'EUR';

interface SalesRow {
  readonly currency: string;
  readonly days: { date: string; placed: number; paid: number; cancelled: number; revenue: number }[];
  readonly placedAmount: number;
  readonly placedCount: number;
  readonly top: { productId: string; sku: string; name: string; quantity: number }[] | null;
}

/**
 * The sales dashboard (docs/dashboards.md) as one statement over the salesByDay and revenueByDay
 * read models: the days of the range by primary key; the top products summed from the range's whole
 * months and weeks (rollups) and a few single days (`coverRange`, passed as arrays of days so the
 * planner estimates each part by its statistics), then each one's SKU and name from its latest day
 * in the range.
 */
export async function salesDashboard(
  pool: Pool,
  schema: string,
  { from, to, currency }: analytics.SalesDashboardRange,
): Promise<analytics.SalesDashboard> {
  const units = coverRange(from, to);
  // One statement, so one snapshot: no transaction needed. Parallel workers are off for the whole
  // pool (main.ts, `databaseSettings`).
  const { rows } = await pool.query<SalesRow>(salesStatement(schema), [
    from,
    to,
    currency ?? null,
    FALLBACK_CURRENCY,
    units.days,
    units.daysTakenAway,
    units.weeks,
    units.months,
  ]);
  const row = rows[0]!;
  const money = (amount: number) => ({ amount, currency: row.currency });
  const days = row.days.map((d) => ({
    date: d.date,
    ordersPlaced: d.placed,
    ordersPaid: d.paid,
    ordersCancelled: d.cancelled,
    revenue: money(d.revenue),
  }));
  const sum = (pick: (d: (typeof row.days)[number]) => number) => row.days.reduce((n, d) => n + pick(d), 0);
  return {
    from,
    to,
    currency: row.currency,
    days,
    totals: {
      ordersPlaced: sum((d) => d.placed),
      ordersPaid: sum((d) => d.paid),
      ordersCancelled: sum((d) => d.cancelled),
      revenue: money(sum((d) => d.revenue)),
    },
    averageOrderValue: money(row.placedCount > 0 ? Math.floor(row.placedAmount / row.placedCount) : 0),
    topProducts: row.top ?? [],
  };
}

/** Today's figures (UTC) in the currency most of today's orders use: what the live update carries. */
export async function salesToday(pool: Pool, schema: string, now: Date): Promise<analytics.SalesDay> {
  const today = now.toISOString().slice(0, 10);
  const dashboard = await salesDashboard(pool, schema, { from: today, to: today });
  return dashboard.days[0]!;
}

/** $1..$2 the range, $3 the currency asked for, $4 the fallback, $5..$8 the range's units rows (`RangeCover`). */
function salesStatement(schema: string): string {
  return `WITH cur AS (
       SELECT coalesce($3::text,
         (SELECT currency FROM ${schema}.sales_days WHERE day BETWEEN $1 AND $2
            GROUP BY currency ORDER BY sum(placed) DESC, currency LIMIT 1),
         (SELECT currency FROM ${schema}.revenue_days WHERE day BETWEEN $1 AND $2
            GROUP BY currency ORDER BY sum(recorded) DESC, currency LIMIT 1),
         $4) AS currency
     ), orders AS (
       SELECT day, sum(placed)::int AS placed, sum(paid)::int AS paid, sum(cancelled)::int AS cancelled,
         coalesce(sum(placed_amount) FILTER (WHERE currency = (SELECT currency FROM cur)), 0) AS placed_amount,
         coalesce(sum(placed) FILTER (WHERE currency = (SELECT currency FROM cur)), 0) AS placed_count
       FROM ${schema}.sales_days WHERE day BETWEEN $1 AND $2 GROUP BY day
     ), revenue AS (
       SELECT day, recorded - refunded AS net FROM ${schema}.revenue_days
       WHERE day BETWEEN $1 AND $2 AND currency = (SELECT currency FROM cur)
     ), days AS (
       SELECT d::date AS day, coalesce(o.placed, 0) AS placed, coalesce(o.paid, 0) AS paid,
         coalesce(o.cancelled, 0) AS cancelled, coalesce(r.net, 0) AS revenue,
         coalesce(o.placed_amount, 0) AS placed_amount, coalesce(o.placed_count, 0) AS placed_count
       FROM generate_series($1::date, $2::date, interval '1 day') AS d
       LEFT JOIN orders o ON o.day = d::date LEFT JOIN revenue r ON r.day = d::date
     ), top AS (
       SELECT product_id, sum(quantity)::int AS quantity FROM (
         SELECT product_id, quantity FROM ${schema}.sales_products WHERE day = ANY($5::date[])
         UNION ALL
         SELECT product_id, -quantity FROM ${schema}.sales_products WHERE day = ANY($6::date[])
         UNION ALL
         SELECT product_id, quantity FROM ${schema}.sales_product_rollups
         WHERE grain = 'week' AND period = ANY($7::date[])
         UNION ALL
         SELECT product_id, quantity FROM ${schema}.sales_product_rollups
         WHERE grain = 'month' AND period = ANY($8::date[])
       ) AS units
       GROUP BY product_id HAVING sum(quantity) > 0 ORDER BY quantity DESC, product_id LIMIT 10
     ), named AS (
       SELECT top.*, latest.sku, latest.name FROM top CROSS JOIN LATERAL (
         SELECT sku, name FROM ${schema}.sales_products p
         WHERE p.product_id = top.product_id AND p.day BETWEEN $1 AND $2 ORDER BY p.day DESC LIMIT 1
       ) AS latest
     )
     SELECT (SELECT currency FROM cur) AS currency,
       (SELECT json_agg(json_build_object('date', to_char(day, 'YYYY-MM-DD'), 'placed', placed, 'paid', paid,
          'cancelled', cancelled, 'revenue', revenue) ORDER BY day) FROM days) AS days,
       (SELECT sum(placed_amount)::float8 FROM days) AS "placedAmount",
       (SELECT sum(placed_count)::float8 FROM days) AS "placedCount",
       (SELECT json_agg(json_build_object('productId', product_id, 'sku', sku, 'name', name,
          'quantity', quantity) ORDER BY quantity DESC, product_id) FROM named) AS top`;
}
