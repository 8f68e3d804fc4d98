/**
 * The SLA clock of a ticket: it runs from the opening for the minutes its priority allows and stops
 * while the ticket is on hold, so the due time moves later by every hold's length.
 */
export interface SlaClock {
  readonly openedAt: string;
  /** Minutes to resolve for the current priority (TICKET_SLA_MINUTES; fractions allowed). */
  readonly slaMinutes: number;
  /** Milliseconds of every finished hold. */
  readonly heldMs: number;
  /** Since when the ticket is on hold, or null. */
  readonly heldSince: string | null;
}

/** The due time as of the last resume: a running hold is added by whoever reads it at a given moment. */
export function slaDueAt(clock: SlaClock): string {
  return new Date(
    Date.parse(clock.openedAt) + Math.round(clock.slaMinutes * 60_000) + clock.heldMs,
  ).toISOString();
}
