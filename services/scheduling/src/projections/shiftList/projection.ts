import type { scheduling } from '@omni/contracts';
import { asDomainEvent, type StoredEvent, type Tx } from '@omni/event-store';
import { isEventOf } from '../streams.js';
import { tableExists, type Projection, type TableNames } from '@omni/projections';

/**
 * One row per shift with its status and time entry (GET /scheduling/shifts, /me/shifts,
 * /time-entries). `staff_user_id` is the linked gateway user: staff read only their own rows.
 */
export const shiftListProjection: Projection = {
  name: 'shifts',
  tables: ['shifts'],

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['shifts']!)) return;
    await tx.query(`
      CREATE TABLE ${t['shifts']} (
        id uuid PRIMARY KEY,
        facility_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        position text,
        notes text,
        status text NOT NULL,
        staff_id uuid,
        staff_user_id uuid,
        clocked_in_at timestamptz,
        clocked_out_at timestamptz,
        worked_minutes int,
        cancellation_reason text,
        version int NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX ON ${t['shifts']} (starts_at, id);
      CREATE INDEX ON ${t['shifts']} (facility_id, starts_at);
      CREATE INDEX ON ${t['shifts']} (staff_id, starts_at);
      CREATE INDEX ON ${t['shifts']} (staff_user_id, starts_at);`);
  },

  async apply(tx: Tx, event: StoredEvent, t: TableNames) {
    if (!isEventOf('shift', event)) return;
    const e = asDomainEvent<scheduling.ShiftEvent>(event);
    const table = t['shifts']!;
    const set = (assignments: string, values: unknown[]) =>
      tx.query(
        `UPDATE ${table} SET ${[assignments, 'version = $2'].filter(Boolean).join(', ')} WHERE id = $1`,
        [event.data['shiftId'], event.streamVersion, ...values],
      );
    switch (e.type) {
      case 'scheduled': {
        const d = e.data;
        await tx.query(
          `INSERT INTO ${table} (id, facility_id, starts_at, ends_at, position, notes, status, version, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8) ON CONFLICT (id) DO NOTHING`,
          [
            d.shiftId,
            d.facilityId,
            d.startsAt,
            d.endsAt,
            d.position,
            d.notes,
            event.streamVersion,
            event.recordedAt,
          ],
        );
        return;
      }
      case 'assigned':
        await set(`status = 'assigned', staff_id = $3, staff_user_id = $4`, [
          e.data.staffId,
          e.data.staffUserId,
        ]);
        return;
      case 'unassigned':
        await set(`status = 'open', staff_id = NULL, staff_user_id = NULL`, []);
        return;
      case 'rescheduled':
        await set(`facility_id = $3, starts_at = $4, ends_at = $5`, [
          e.data.facilityId,
          e.data.startsAt,
          e.data.endsAt,
        ]);
        return;
      case 'cancelled':
        await set(`status = 'cancelled', cancellation_reason = $3`, [e.data.reason]);
        return;
      case 'missed':
        await set(`status = 'missed'`, []);
        return;
      case 'clocked_in':
        await set(`status = 'in_progress', clocked_in_at = $3`, [e.data.at]);
        return;
      case 'clocked_out':
        await set(`status = 'completed', clocked_out_at = $3, worked_minutes = $4`, [
          e.data.at,
          e.data.minutes,
        ]);
        return;
      default:
        // starting_soon changes nothing a list shows, but it is a change of the shift's stream.
        await set('', []);
    }
  },
};
