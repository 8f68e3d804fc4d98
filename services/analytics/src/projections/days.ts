/** The UTC day (YYYY-MM-DD) an event happened on: dashboards count by the event's time, not arrival. */
export function dayOf(time: string): string {
  return new Date(time).toISOString().slice(0, 10);
}

export const DAY_MS = 86_400_000;

const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `day` moved by `days` (negative: back), as YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  return toDay(Date.parse(day) + days * DAY_MS);
}

/** The Monday on or before `day` (ISO weeks, as PostgreSQL's `date_trunc('week', …)`). */
export function startOfWeek(day: string): string {
  const sundayIsZero = new Date(Date.parse(day)).getUTCDay();
  return addDays(day, -((sundayIsZero + 6) % 7));
}

/** The first day of `day`'s month. */
export function startOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month after `day`'s. */
export function nextMonth(day: string): string {
  const d = new Date(Date.parse(startOfMonth(day)));
  return toDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}

/** The first day of the month before `day`'s. */
export function previousMonth(day: string): string {
  const d = new Date(Date.parse(startOfMonth(day)));
  return toDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
}
