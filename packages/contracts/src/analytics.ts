/** Analytics' public language: the dashboards (docs/dashboards.md). */
import { z } from 'zod';
import { Money } from './money.js';
import { SalesDay } from './events/analytics.js';

// Events and the operations dashboard's shape live in events/analytics.ts: its update event carries them.
export * from './events/analytics.js';

export const ANALYTICS_RPC = {
  salesDashboard: 'salesDashboard',
  operationsDashboard: 'operationsDashboard',
} as const;

/** The longest range a sales dashboard answers: a year of days, so an answer stays one small read. */
export const MAX_SALES_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

const day = z.iso.date();

/** The query string of GET /dashboards/sales, as the gateway validates and documents it. */
export const SalesDashboardQuery = z
  .object({
    from: day.optional().describe('First UTC day, YYYY-MM-DD (default: 29 days before `to`)'),
    to: day.optional().describe('Last UTC day, inclusive (default: today)'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
      .optional()
      .describe('Currency of revenue and average order value (default: that of most orders in the range)'),
  })
  .strict();

/**
 * The range the sales dashboard answers, as the analytics service reads the query: `to` defaults to
 * today (UTC) and `from` to 29 days before `to` (the last 30 days); a reversed or too long range is 400.
 */
export const SalesDashboardRange = SalesDashboardQuery.transform(({ from, to, currency }) => {
  const last = to ?? new Date().toISOString().slice(0, 10);
  const first = from ?? new Date(Date.parse(last) - 29 * DAY_MS).toISOString().slice(0, 10);
  return { from: first, to: last, ...(currency ? { currency } : {}) };
})
  .refine(({ from, to }) => from <= to, { message: '`from` must not be after `to`', path: ['from'] })
  .refine(({ from, to }) => (Date.parse(to) - Date.parse(from)) / DAY_MS < MAX_SALES_RANGE_DAYS, {
    message: `the range may span at most ${MAX_SALES_RANGE_DAYS} days`,
    path: ['to'],
  });
export type SalesDashboardRange = z.output<typeof SalesDashboardRange>;

export const TopProduct = z
  .object({
    productId: z.uuid(),
    sku: z.string().describe('SKU at the latest placement in the range'),
    name: z.string().describe('Name at the latest placement in the range'),
    quantity: z
      .number()
      .int()
      .describe('Units in orders placed in the range, less those rejected or cancelled'),
  })
  .meta({ id: 'TopProduct' });

export const SalesDashboard = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    currency: z.string().describe('Currency of every Money in the answer'),
    days: z.array(SalesDay).describe('One entry per day of the range, oldest first, zeros included'),
    totals: SalesDay.omit({ date: true }).describe('The days added up'),
    averageOrderValue: Money.describe(
      'Total value of the orders placed in the range in `currency` divided by their number (rounded down)',
    ),
    topProducts: z.array(TopProduct).max(10).describe('The 10 products with the most units, most first'),
  })
  .meta({ id: 'SalesDashboard' });
export type SalesDashboard = z.infer<typeof SalesDashboard>;
