/**
 * How the sales dashboard splits a range into months, weeks and days (rollups.ts): every day of the
 * range counted once and no other, for ranges from every weekday and day of the month, across a leap day.
 */
import { addDays, nextMonth, startOfMonth, startOfWeek } from '../src/projections/days.js';
import { coverRange, type RangeCover } from '../src/projections/salesByDay/rollups.js';

/** How many times a cover counts each day (a day taken away counts -1), the days counted 0 times left out. */
function timesCounted({ days, rollups }: RangeCover): Record<string, number> {
  const times: Record<string, number> = {};
  const count = (first: string, endExclusive: string, sign: number) => {
    for (let d = first; d < endExclusive; d = addDays(d, 1)) times[d] = (times[d] ?? 0) + sign;
  };
  for (const run of days) count(run.first, addDays(run.last, 1), run.sign);
  for (const run of rollups)
    count(run.first, run.grain === 'week' ? addDays(run.last, 7) : nextMonth(run.last), 1);
  return Object.fromEntries(Object.entries(times).filter(([, n]) => n !== 0));
}

/** The day rows a cover reads per product. */
const dayRows = ({ days }: RangeCover) =>
  days.reduce((n, run) => n + 1 + daysBetween(run.first, run.last), 0);
const daysBetween = (first: string, last: string) =>
  Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000);

function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

const LENGTHS = [1, 2, 6, 7, 8, 13, 14, 27, 28, 29, 30, 31, 32, 45, 59, 60, 61, 62, 89, 90, 91, 92, 365, 366];
const FIRST_DAYS = daysOf('2028-01-20', '2028-03-10'); // every weekday and month position, 29 February too

describe('splitting a range for the top products', () => {
  it('counts every day of the range once and no other day', () => {
    for (const from of FIRST_DAYS)
      for (const length of LENGTHS) {
        const to = addDays(from, length - 1);
        const once = Object.fromEntries(daysOf(from, to).map((day) => [day, 1]));
        expect({ from, to, times: timesCounted(coverRange(from, to)) }).toEqual({ from, to, times: once });
      }
  });

  it('uses whole weeks from Monday, whole months from their first day and no empty run', () => {
    for (const from of FIRST_DAYS)
      for (const length of LENGTHS) {
        const { days, rollups } = coverRange(from, addDays(from, length - 1));
        for (const run of rollups) {
          const startOf = run.grain === 'week' ? startOfWeek : startOfMonth;
          expect([startOf(run.first), startOf(run.last)]).toEqual([run.first, run.last]);
        }
        for (const run of [...days, ...rollups]) expect(run.first <= run.last).toBe(true);
      }
  });

  it('reads at most 16 day rows per product, however long the range', () => {
    for (const from of FIRST_DAYS)
      for (const length of LENGTHS)
        expect(dayRows(coverRange(from, addDays(from, length - 1)))).toBeLessThanOrEqual(16);
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
        { first: '2026-11-08', last: '2026-11-08', sign: 1 },
        { first: '2026-12-07', last: '2026-12-07', sign: 1 },
      ],
    });
  });

  it('reads a week with 5 of its days in the range as the week less the other 2', () => {
    // Tuesday 10 to Saturday 14 March 2026.
    expect(coverRange('2026-03-10', '2026-03-14')).toEqual({
      rollups: [{ grain: 'week', first: '2026-03-09', last: '2026-03-09' }],
      days: [
        { first: '2026-03-09', last: '2026-03-09', sign: -1 },
        { first: '2026-03-15', last: '2026-03-15', sign: -1 },
      ],
    });
  });
});
