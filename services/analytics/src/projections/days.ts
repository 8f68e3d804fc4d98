/** The UTC day (YYYY-MM-DD) an event happened on: dashboards count by the event's time, not arrival. */
export function dayOf(time: string): string {
  return new Date(time).toISOString().slice(0, 10);
}
