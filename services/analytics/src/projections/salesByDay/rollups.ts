/**
 * The calendar of the top products' rollups. Units sold are kept per day and, summed, per ISO week
 * (Monday first) and per calendar month, so a range reads its whole months and weeks from the
 * rollups and only a few days at its ragged ends by day. The projection writes the rollups with `rollupPeriodsOf`
 * (SQL) and the query splits a range with `coverRange` (here): both define a week as PostgreSQL's
 * `date_trunc('week', …)` does, from Monday.
 */
import { addDays, DAY_MS, nextMonth, previousMonth, startOfMonth, startOfWeek } from '../days.js';

export type RollupGrain = 'week' | 'month';

/** A run of whole periods of one grain, named by the first day of its first and last period. */
export interface RollupRun {
  readonly grain: RollupGrain;
  readonly first: string;
  readonly last: string;
}

/**
 * A run of days, both inclusive (YYYY-MM-DD), added to the sum (`sign` 1) or taken from it (-1: the
 * days of a rollup's week that lie outside the range, when fewer than those inside).
 */
export interface DayRun {
  readonly first: string;
  readonly last: string;
  readonly sign: 1 | -1;
}

/** A range of days as whole months and weeks (rollup rows) and single days (day rows). */
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
 * Splits `from`..`to` (inclusive) into the whole months inside it, then the weeks of what is left
 * on either side: a week wholly in the range from its rollup, a week with 5 or 6 of its days in the
 * range from its rollup less the days outside, a week with at most 4 day by day. Every day of the
 * range counts once and every other day not at all. At most two partial weeks lie on either side
 * of the months, each read as at most 4 rows, so a range of any length reads at most 16 day rows
 * per product besides its rollups.
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

/** Largest number of a week's days read one by one; with 5 or more, the week less the others is fewer rows. */
const MOST_DAYS_READ_SINGLY = 4;

/** `start`..`end` (exclusive) week by week. */
function coverByWeeks(start: string, end: string): RangeCover {
  const weeks: string[] = [];
  const days: DayRun[] = [];
  if (start >= end) return { rollups: [], days };
  for (let week = startOfWeek(start); week < end; week = addDays(week, 7)) {
    const weekEnd = addDays(week, 7);
    const first = start > week ? start : week;
    const after = end < weekEnd ? end : weekEnd;
    const inside = daysBetween(first, after);
    if (inside <= MOST_DAYS_READ_SINGLY) {
      days.push({ first, last: addDays(after, -1), sign: 1 });
      continue;
    }
    weeks.push(week);
    if (week < first) days.push({ first: week, last: addDays(first, -1), sign: -1 });
    if (after < weekEnd) days.push({ first: after, last: addDays(weekEnd, -1), sign: -1 });
  }
  return { rollups: weekRuns(weeks), days };
}

/** Consecutive weeks (Mondays, ascending) as runs. */
function weekRuns(weeks: readonly string[]): RollupRun[] {
  const runs: RollupRun[] = [];
  for (const week of weeks) {
    const last = runs.at(-1);
    if (last && addDays(last.last, 7) === week) runs[runs.length - 1] = { ...last, last: week };
    else runs.push({ grain: 'week', first: week, last: week });
  }
  return runs;
}

function daysBetween(first: string, endExclusive: string): number {
  return Math.round((Date.parse(endExclusive) - Date.parse(first)) / DAY_MS);
}
