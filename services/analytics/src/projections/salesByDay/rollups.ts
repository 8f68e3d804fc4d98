/**
 * The calendar of the top products' rollups. Units sold are kept per day and, summed, per ISO week
 * (Monday first) and per calendar month, so a range reads its whole months and weeks from the
 * rollups and only a few days at its ragged ends by day. The projection writes the rollups with
 * `rollupPeriodsOf` (SQL) and the query splits a range with `coverRange` (here): both define a week
 * as PostgreSQL's `date_trunc('week', …)` does, from Monday.
 */
import { addDays, nextMonth, startOfMonth, startOfWeek } from '../days.js';

/**
 * The rows a range's units are summed from, each named by its first day (YYYY-MM-DD): day rows
 * added, day rows taken away (days of a counted week that lie outside the range), week rollups
 * (Mondays) and month rollups (first days).
 */
export interface RangeCover {
  readonly days: readonly string[];
  readonly daysTakenAway: readonly string[];
  readonly weeks: readonly string[];
  readonly months: readonly string[];
}

/** A `RangeCover` being filled. */
type Filling = { [K in keyof RangeCover]: string[] };

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
  const cover: Filling = { days: [], daysTakenAway: [], weeks: [], months: [] };
  const end = addDays(to, 1); // exclusive from here on
  const firstMonth = from === startOfMonth(from) ? from : nextMonth(from);
  const endMonth = startOfMonth(end);
  if (firstMonth >= endMonth) {
    coverByWeeks(from, end, cover);
    return cover;
  }
  coverByWeeks(from, firstMonth, cover);
  for (let month = firstMonth; month < endMonth; month = nextMonth(month)) cover.months.push(month);
  coverByWeeks(endMonth, end, cover);
  return cover;
}

/** Largest number of a week's days read one by one; with 5 or more, the week less the others is fewer rows. */
const MOST_DAYS_READ_SINGLY = 4;

/** `start`..`end` (exclusive) week by week, into `cover`. */
function coverByWeeks(start: string, end: string, cover: Filling): void {
  for (let week = startOfWeek(start); week < end; week = addDays(week, 7)) {
    const weekEnd = addDays(week, 7);
    const first = start > week ? start : week;
    const after = end < weekEnd ? end : weekEnd;
    if (first >= after) continue;
    const inside = daysFrom(first, after);
    if (inside.length <= MOST_DAYS_READ_SINGLY) {
      cover.days.push(...inside);
      continue;
    }
    cover.weeks.push(week);
    cover.daysTakenAway.push(...daysFrom(week, first), ...daysFrom(after, weekEnd));
  }
}

/** The days from `first` up to `endExclusive`. */
function daysFrom(first: string, endExclusive: string): string[] {
  const days: string[] = [];
  for (let day = first; day < endExclusive; day = addDays(day, 1)) days.push(day);
  return days;
}
