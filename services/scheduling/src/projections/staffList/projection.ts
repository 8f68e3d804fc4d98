import type { scheduling } from '@omni/contracts';
import { asDomainEvent, type StoredEvent, type Tx } from '@omni/event-store';
import { isEventOf } from '../streams.js';
import { tableExists, type Projection, type TableNames } from '@omni/projections';

/** One row per staff member (GET /scheduling/staff); `user_id` links a gateway user to their shifts. */
export const staffListProjection: Projection = {
  name: 'staff',
  tables: ['staff'],

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['staff']!)) return;
    await tx.query(`
      CREATE TABLE ${t['staff']} (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        email text NOT NULL,
        user_id uuid,
        skills jsonb NOT NULL,
        weekly_minutes_limit int,
        version int NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX ON ${t['staff']} (user_id);`);
  },

  async apply(tx: Tx, event: StoredEvent, t: TableNames) {
    if (!isEventOf('staff', event)) return;
    const e = asDomainEvent<scheduling.StaffEvent>(event);
    if (e.type !== 'registered' && e.type !== 'updated') return;
    const { staffId, name, email, userId, skills, weeklyMinutesLimit } = e.data;
    await tx.query(
      `INSERT INTO ${t['staff']} (id, name, email, user_id, skills, weekly_minutes_limit, version, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET name = $2, email = $3, user_id = $4, skills = $5, weekly_minutes_limit = $6, version = $7`,
      [
        staffId,
        name,
        email,
        userId,
        JSON.stringify(skills),
        weeklyMinutesLimit,
        event.streamVersion,
        event.recordedAt,
      ],
    );
  },
};
