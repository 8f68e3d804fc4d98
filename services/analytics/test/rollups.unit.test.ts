/**
 * How the sales dashboard splits a range into months, weeks and days (rollups.ts): every day of the
 * range counted once and no other, for ranges from every weekday and day of the month, across a leap day.
 */
import { addDays, nextMonth, startOfMonth, startOfWeek } from '../src/projections/days.js';
import { coverRange, type RangeCover } from '../src/projections/salesByDay/rollups.js';

/** How many times a cover counts each day (a day taken away counts -1), the days counted 0 times left out. */
function timesCounted({ days, daysTakenAway, weeks, months }: RangeCover): Record<string, number> {
  const times: Record<string, number> = {};
  const count = (first: string, endExclusive: string, sign: number) => {
    for (let d = first; d < endExclusive; d = addDays(d, 1)) times[d] = (times[d] ?? 0) + sign;
  };
  for (const day of days) count(day, addDays(day, 1), 1);
  for (const day of daysTakenAway) count(day, addDays(day, 1), -1);
  for (const week of weeks) count(week, addDays(week, 7), 1);
  for (const month of months) count(month, nextMonth(month), 1);
  return Object.fromEntries(Object.entries(times).filter(([, n]) => n !== 0));
}

function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

const LENGTHS = [1, 2, 6, 7, 8, 13, 14, 27, 28, 29, 30, 31, 32, 45, 59, 60, 61, 62, 89, 90, 91, 92, 365, 366];
const FIRST_DAYS = daysOf('2028-01-20', '2028-03-10'); // every weekday and month position, 29 February too
const eachRange = function* () {
  for (const from of FIRST_DAYS)
    for (const length of LENGTHS) yield [from, addDays(from, length - 1)] as const;
};

describe('splitting a range for the top products', () => {
  it('counts every day of the range once and no other day', () => {
    for (const [from, to] of eachRange()) {
      const once = Object.fromEntries(daysOf(from, to).map((day) => [day, 1]));
      expect({ from, to, times: timesCounted(coverRange(from, to)) }).toEqual({ from, to, times: once });
    }
  });

  it('uses whole weeks from Monday and whole months from their first day', () => {
    for (const [from, to] of eachRange()) {
      const { weeks, months } = coverRange(from, to);
      expect(weeks.map(startOfWeek)).toEqual(weeks);
      expect(months.map(startOfMonth)).toEqual(months);
    }
  });

  it('reads at most 16 day rows per product, however long the range', () => {
    for (const [from, to] of eachRange()) {
      const { days, daysTakenAway } = coverRange(from, to);
      expect(days.length + daysTakenAway.length).toBeLessThanOrEqual(16);
    }
  });

  it('reads a whole month from its rollup and the last 30 days mostly by week', () => {
    expect(coverRange('2026-03-01', '2026-03-31')).toEqual({
      days: [],
      daysTakenAway: [],
      weeks: [],
      months: ['2026-03-01'],
    });
    // Sunday 8 November to Monday 7 December 2026: four weeks and a day on either side.
    expect(coverRange('2026-11-08', '2026-12-07')).toEqual({
      days: ['2026-11-08', '2026-12-07'],
      daysTakenAway: [],
      weeks: ['2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30'],
      months: [],
    });
  });

  it('reads a week with 5 of its days in the range as the week less the other 2', () => {
    // Tuesday 10 to Saturday 14 March 2026.
    expect(coverRange('2026-03-10', '2026-03-14')).toEqual({
      days: [],
      daysTakenAway: ['2026-03-09', '2026-03-15'],
      weeks: ['2026-03-09'],
      months: [],
    });
  });
});
