import type { StoredEvent } from '@omni/event-store';

/**
 * Whether an event belongs to an aggregate (`shift`, `event`, …). Every projection sees every event
 * of the log, and event names repeat across aggregates (`scheduled` is a shift's and an event's).
 */
export function isEventOf(aggregate: string, event: StoredEvent): boolean {
  return event.streamId.startsWith(`${aggregate}-`);
}
