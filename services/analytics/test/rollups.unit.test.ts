/**
 * How the sales dashboard splits a range into whole months, whole weeks and days (rollups.ts): every
 * day exactly once, for ranges from every weekday and day of the month, across a leap day.
 */
import { addDays, nextMonth, startOfMonth, startOfWeek } from '../src/projections/days.js';
import { coverRange, type RangeCover } from '../src/projections/salesByDay/rollups.js';

/** The days a cover counts, expanded period by period, in order of appearance. */
function daysCounted({ days, rollups }: RangeCover): string[] {
  const counted: string[] = [];
  const eachDay = (first: string, endExclusive: string) => {
    for (let d = first; d < endExclusive; d = addDays(d, 1)) counted.push(d);
  };
  for (const run of days) eachDay(run.first, addDays(run.last, 1));
  for (const run of rollups) {
    const after = run.grain === 'week' ? addDays(run.last, 7) : nextMonth(run.last);
    eachDay(run.first, after);
  }
  return counted;
}

function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

const LENGTHS = [1, 2, 6, 7, 8, 13, 14, 27, 28, 29, 30, 31, 32, 45, 59, 60, 61, 62, 89, 90, 91, 92, 365, 366];
const FIRST_DAYS = daysOf('2028-01-20', '2028-03-10'); // every weekday and month position, 29 February too

describe('splitting a range for the top products', () => {
  it('counts every day of the range exactly once', () => {
    for (const from of FIRST_DAYS)
      for (const length of LENGTHS) {
        const to = addDays(from, length - 1);
        expect(daysCounted(coverRange(from, to)).sort()).toEqual(daysOf(from, to));
      }
  });

  it('uses whole weeks from Monday and whole months from their first day', () => {
    for (const from of FIRST_DAYS)
      for (const length of LENGTHS)
        for (const run of coverRange(from, addDays(from, length - 1)).rollups) {
          const startOf = run.grain === 'week' ? startOfWeek : startOfMonth;
          expect([startOf(run.first), startOf(run.last)]).toEqual([run.first, run.last]);
        }
  });

  it('reads at most 24 single days and 3 runs of rollups, however long the range', () => {
    for (const from of FIRST_DAYS)
      for (const length of LENGTHS) {
        const { days, rollups } = coverRange(from, addDays(from, length - 1));
        expect(daysCounted({ days, rollups: [] }).length).toBeLessThanOrEqual(24);
        expect(rollups.length).toBeLessThanOrEqual(3);
      }
  });

  it('reads a whole month from its rollup and the last 30 days mostly by week', () => {
    expect(coverRange('2026-03-01', '2026-03-31')).toEqual({
      rollups: [{ grain: 'month', first: '2026-03-01', last: '2026-03-01' }],
      days: [],
    });
    // Sunday 8 November to Monday 7 December 2026: four weeks and a day on either side.
    expect(coverRange('2026-11-08', '2026-12-07')).toEqual({
      rollups: [{ grain: 'week', first: '2026-11-09', last: '2026-11-30' }],
      days: [
        { first: '2026-11-08', last: '2026-11-08' },
        { first: '2026-12-07', last: '2026-12-07' },
      ],
    });
  });
});
