import type { scheduling } from '@omni/contracts';
import { asDomainEvent, type StoredEvent, type Tx } from '@omni/event-store';
import { isEventOf } from '../streams.js';
import { tableExists, type Projection, type TableNames } from '@omni/projections';

/** One row per time-off request (GET /scheduling/time-off). */
export const timeOffListProjection: Projection = {
  name: 'time-off',
  tables: ['time_off'],

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['time_off']!)) return;
    await tx.query(`
      CREATE TABLE ${t['time_off']} (
        id uuid PRIMARY KEY,
        staff_id uuid NOT NULL,
        staff_user_id uuid,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        reason text NOT NULL,
        status text NOT NULL,
        decision_reason text,
        unassigned_shift_ids jsonb NOT NULL DEFAULT '[]',
        version int NOT NULL,
        requested_at timestamptz NOT NULL
      );
      CREATE INDEX ON ${t['time_off']} (staff_id, starts_at);`);
  },

  async apply(tx: Tx, event: StoredEvent, t: TableNames) {
    if (!isEventOf('timeoff', event)) return;
    const e = asDomainEvent<scheduling.TimeOffEvent>(event);
    const table = t['time_off']!;
    if (e.type === 'requested') {
      const d = e.data;
      await tx.query(
        `INSERT INTO ${table} (id, staff_id, staff_user_id, starts_at, ends_at, reason, status, version, requested_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $8) ON CONFLICT (id) DO NOTHING`,
        [
          d.timeOffId,
          d.staffId,
          d.staffUserId,
          d.from,
          d.to,
          d.reason,
          event.streamVersion,
          event.recordedAt,
        ],
      );
      return;
    }
    const decisionReason = e.type === 'approved' || e.type === 'rejected' ? e.data.reason : null;
    const unassigned = e.type === 'approved' ? e.data.unassignedShiftIds : [];
    await tx.query(
      `UPDATE ${table} SET status = $2, decision_reason = $3, unassigned_shift_ids = $4, version = $5 WHERE id = $1`,
      [e.data.timeOffId, e.type, decisionReason, JSON.stringify(unassigned), event.streamVersion],
    );
  },
};
