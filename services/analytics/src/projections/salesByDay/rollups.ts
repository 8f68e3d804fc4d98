/**
 * The calendar of the top products' rollups. Units sold are kept per day and, summed, per ISO week
 * (Monday first) and per calendar month, so a range reads its whole months and weeks from the
 * rollups and only its ragged ends by day. The projection writes the rollups with `rollupPeriodsOf`
 * (SQL) and the query splits a range with `coverRange` (here): both define a week as PostgreSQL's
 * `date_trunc('week', …)` does, from Monday.
 */
import { addDays, nextMonth, previousMonth, startOfMonth, startOfWeek } from '../days.js';

export type RollupGrain = 'week' | 'month';

/** A run of whole periods of one grain, named by the first day of its first and last period. */
export interface RollupRun {
  readonly grain: RollupGrain;
  readonly first: string;
  readonly last: string;
}

/** A run of days, both inclusive (YYYY-MM-DD). */
export interface DayRun {
  readonly first: string;
  readonly last: string;
}

/** A range of days as whole months and weeks (rollup rows) and the days around them (day rows). */
export interface RangeCover {
  readonly rollups: readonly RollupRun[];
  readonly days: readonly DayRun[];
}

/**
 * SQL rows (grain, period) of the rollups a day's units also count in, for a date expression:
 * the day's week (from its Monday) and its month.
 */
export function rollupPeriodsOf(day: string): string {
  return `(VALUES ('week', date_trunc('week', (${day})::timestamp)::date),
                  ('month', date_trunc('month', (${day})::timestamp)::date))`;
}

/**
 * Splits `from`..`to` (inclusive) into the whole months inside it, then the whole weeks inside what
 * is left on either side, then the days left over: every day of the range counted exactly once. At
 * most 12 days remain on either side of the months (6 before and 6 after their weeks), so a range of
 * any length reads at most 24 day rows and 3 rollup runs per product.
 */
export function coverRange(from: string, to: string): RangeCover {
  const end = addDays(to, 1); // exclusive from here on
  const firstMonth = from === startOfMonth(from) ? from : nextMonth(from);
  const endMonth = startOfMonth(end);
  if (firstMonth >= endMonth) return coverByWeeks(from, end);
  const head = coverByWeeks(from, firstMonth);
  const tail = coverByWeeks(endMonth, end);
  const months: RollupRun = { grain: 'month', first: firstMonth, last: previousMonth(endMonth) };
  return {
    rollups: [...head.rollups, months, ...tail.rollups],
    days: [...head.days, ...tail.days],
  };
}

/** `start`..`end` (exclusive) as the whole weeks inside it and the days before and after them. */
function coverByWeeks(start: string, end: string): RangeCover {
  if (start >= end) return { rollups: [], days: [] };
  const firstWeek = start === startOfWeek(start) ? start : addDays(startOfWeek(start), 7);
  const endWeek = startOfWeek(end);
  if (firstWeek >= endWeek) return { rollups: [], days: [{ first: start, last: addDays(end, -1) }] };
  const days: DayRun[] = [];
  if (start < firstWeek) days.push({ first: start, last: addDays(firstWeek, -1) });
  if (endWeek < end) days.push({ first: endWeek, last: addDays(end, -1) });
  return { rollups: [{ grain: 'week', first: firstWeek, last: addDays(endWeek, -7) }], days };
}
