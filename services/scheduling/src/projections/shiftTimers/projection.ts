import type { scheduling } from '@omni/contracts';
import { asDomainEvent, type StoredEvent, type Tx } from '@omni/event-store';
import { isEventOf } from '../streams.js';
import { tableExists, type Projection, type TableNames } from '@omni/projections';

/**
 * The armed timers of assigned shifts, written in the command's transaction so they survive any
 * crash: `shift_reminders` (fires SHIFT_REMINDER_MINUTES before the start) and `shift_clock_ins`
 * (fires CLOCK_IN_GRACE_MINUTES after it unless the staff member clocked in). Fired by
 * application/shift-timers.ts; a rebuild re-arms exactly the timers still pending.
 */
export const shiftTimersProjection: Projection = {
  name: 'shift-timers',
  tables: ['shift_reminders', 'shift_clock_ins'],

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['shift_reminders']!)) return;
    await tx.query(`
      CREATE TABLE ${t['shift_reminders']} (shift_id uuid PRIMARY KEY, starts_at timestamptz NOT NULL);
      CREATE INDEX ON ${t['shift_reminders']} (starts_at);
      CREATE TABLE ${t['shift_clock_ins']} (shift_id uuid PRIMARY KEY, starts_at timestamptz NOT NULL);
      CREATE INDEX ON ${t['shift_clock_ins']} (starts_at);`);
  },

  async apply(tx: Tx, event: StoredEvent, t: TableNames) {
    if (!isEventOf('shift', event)) return;
    const e = asDomainEvent<scheduling.ShiftEvent>(event);
    const reminders = t['shift_reminders']!;
    const clockIns = t['shift_clock_ins']!;
    const disarm = (table: string) =>
      tx.query(`DELETE FROM ${table} WHERE shift_id = $1`, [event.data['shiftId']]);
    switch (e.type) {
      case 'assigned':
        return arm(tx, t, e.data.shiftId, e.data.startsAt, event.recordedAt);
      case 'rescheduled':
        // Only an assigned shift names its staff member here (an open one has none).
        if (e.data.staffId) return arm(tx, t, e.data.shiftId, e.data.startsAt, event.recordedAt);
        return;
      case 'starting_soon':
        await disarm(reminders);
        return;
      case 'unassigned':
      case 'cancelled':
      case 'missed':
      case 'clocked_in':
        await disarm(reminders);
        await disarm(clockIns);
        return;
      default:
        return;
    }
  },
};

/** A reminder only for a shift that has not started yet: a late assignment needs no "starting soon". */
async function arm(tx: Tx, t: TableNames, shiftId: string, startsAt: string, now: Date) {
  const upsert = (table: string) =>
    tx.query(
      `INSERT INTO ${table} (shift_id, starts_at) VALUES ($1, $2) ON CONFLICT (shift_id) DO UPDATE SET starts_at = $2`,
      [shiftId, startsAt],
    );
  if (Date.parse(startsAt) > now.getTime()) await upsert(t['shift_reminders']!);
  else await tx.query(`DELETE FROM ${t['shift_reminders']} WHERE shift_id = $1`, [shiftId]);
  await upsert(t['shift_clock_ins']!);
}
