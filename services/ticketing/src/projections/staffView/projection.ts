import { schedulingEvents, type TypedEvent } from '@omni/contracts';
import type { Tx } from '@omni/event-store';
import { streamProjection, tableExists, type TableNames } from '@omni/projections';

type SchedulingEvent = TypedEvent<typeof schedulingEvents>;

/**
 * Ticketing's own list of staff members, built from scheduling's staff events (no synchronous call
 * to scheduling when a ticket is assigned): who may be assigned, and which gateway user that is (the
 * assignee's rights). A row only moves forward by stream version.
 */
export const staffViewProjection = streamProjection({
  name: 'staff',
  tables: ['staff_view'],
  source: { service: 'scheduling', filterSubject: 'scheduling.staff.>', events: schedulingEvents },

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['staff_view']!)) return;
    await tx.query(
      `CREATE TABLE ${t['staff_view']} (staff_id uuid PRIMARY KEY, user_id uuid, name text NOT NULL, version int NOT NULL)`,
    );
  },

  async apply(tx: Tx, event: SchedulingEvent, t: TableNames) {
    if (event.type !== 'scheduling.staff.registered' && event.type !== 'scheduling.staff.updated') return;
    const { staffId, userId, name } = event.data;
    await tx.query(
      `INSERT INTO ${t['staff_view']} VALUES ($1, $2, $3, $4)
       ON CONFLICT (staff_id) DO UPDATE SET user_id = excluded.user_id, name = excluded.name, version = excluded.version
       WHERE ${t['staff_view']}.version < excluded.version`,
      [staffId, userId, name, event.streamversion],
    );
  },
});

export interface KnownStaff {
  readonly staffId: string;
  readonly userId: string | null;
}

export async function knownStaff(tx: Tx, schema: string, staffId: string): Promise<KnownStaff | undefined> {
  const { rows } = await tx.query<{ user_id: string | null }>(
    `SELECT user_id FROM ${schema}.staff_view WHERE staff_id = $1`,
    [staffId],
  );
  return rows[0] ? { staffId, userId: rows[0].user_id } : undefined;
}
