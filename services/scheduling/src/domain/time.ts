/**
 * Time as the rules see it: shifts are instants; a week is an ISO week on the facility's wall clock.
 * Intl (built into Node, fed by the IANA database) turns an instant into a local date, so a
 * 23-hour day when Berlin moves its clocks in March is simply shorter: minutes are always real
 * minutes between instants.
 */
export interface Interval {
  readonly startsAt: string;
  readonly endsAt: string;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Half-open intervals: a shift ending at 14:00 does not overlap one starting at 14:00. */
export function overlaps(a: Interval, b: Interval): boolean {
  return Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);
}

export function minutesOf({ startsAt, endsAt }: Interval): number {
  return Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / MINUTE_MS);
}

/** `2026-W13`: the ISO week (Monday first; week 1 holds the year's first Thursday) of the local date. */
export function isoWeekOf(instant: string, timeZone: string): string {
  const local = localDate(instant, timeZone);
  const dayOfWeek = (local.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(local.getTime() + (3 - dayOfWeek) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date on the wall clock of `timeZone`, as midnight UTC of that date. */
function localDate(instant: string, timeZone: string): Date {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return new Date(Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day'])));
}
