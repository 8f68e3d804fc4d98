import { schedulingEvents, type TypedEvent } from '@omni/contracts';
import type { Tx } from '@omni/event-store';
import { streamProjection, tableExists, type TableNames } from '@omni/projections';

type SchedulingEvent = TypedEvent<typeof schedulingEvents>;

/**
 * Each shift's start and status, from scheduling's shift events, indexed by start so the operations
 * dashboard counts today's shifts by status with one range read. Statuses follow docs/scheduling.md.
 */
export const todaysShiftsProjection = streamProjection({
  name: 'todaysShifts',
  tables: ['shift_states'],
  source: { service: 'scheduling', filterSubject: 'scheduling.shift.>', events: schedulingEvents },

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['shift_states']!)) return;
    await tx.query(`
      CREATE TABLE ${t['shift_states']} (
        shift_id uuid PRIMARY KEY,
        starts_at timestamptz NOT NULL,
        status text NOT NULL
      );
      CREATE INDEX ON ${t['shift_states']} (starts_at)`);
  },

  async apply(tx: Tx, event: SchedulingEvent, t: TableNames) {
    const table = t['shift_states']!;
    const setStatus = (shiftId: string, status: string) =>
      tx.query(`UPDATE ${table} SET status = $2 WHERE shift_id = $1`, [shiftId, status]);
    switch (event.type) {
      case 'scheduling.shift.scheduled':
        await tx.query(
          `INSERT INTO ${table} (shift_id, starts_at, status) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [event.data.shiftId, event.data.startsAt, event.data.staffId ? 'assigned' : 'open'],
        );
        return;
      case 'scheduling.shift.rescheduled':
        await tx.query(`UPDATE ${table} SET starts_at = $2 WHERE shift_id = $1`, [
          event.data.shiftId,
          event.data.startsAt,
        ]);
        return;
      case 'scheduling.shift.assigned':
        await setStatus(event.data.shiftId, 'assigned');
        return;
      case 'scheduling.shift.unassigned':
        await setStatus(event.data.shiftId, 'open');
        return;
      case 'scheduling.shift.cancelled':
        await setStatus(event.data.shiftId, 'cancelled');
        return;
      case 'scheduling.shift.missed':
        await setStatus(event.data.shiftId, 'missed');
        return;
      case 'scheduling.shift.clocked_in':
        await setStatus(event.data.shiftId, 'in_progress');
        return;
      case 'scheduling.shift.clocked_out':
        await setStatus(event.data.shiftId, 'completed');
        return;
      default:
        return;
    }
  },
});
