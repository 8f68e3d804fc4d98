import type { scheduling } from '@omni/contracts';
import { asDomainEvent, type StoredEvent, type Tx } from '@omni/event-store';
import { isEventOf } from '../streams.js';
import { tableExists, type Projection, type TableNames } from '@omni/projections';

/** One row per facility (GET /scheduling/facilities). */
export const facilityListProjection: Projection = {
  name: 'facilities',
  tables: ['facilities'],

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['facilities']!)) return;
    await tx.query(`
      CREATE TABLE ${t['facilities']} (
        id uuid PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        timezone text NOT NULL,
        version int NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX ON ${t['facilities']} (code);`);
  },

  async apply(tx: Tx, event: StoredEvent, t: TableNames) {
    if (!isEventOf('facility', event)) return;
    const e = asDomainEvent<scheduling.FacilityEvent>(event);
    if (e.type === 'created') {
      const { facilityId, code, name, timezone } = e.data;
      await tx.query(
        `INSERT INTO ${t['facilities']} (id, code, name, timezone, version, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO NOTHING`,
        [facilityId, code, name, timezone, event.streamVersion, event.recordedAt],
      );
    } else if (e.type === 'updated') {
      const { facilityId, name, timezone } = e.data;
      await tx.query(`UPDATE ${t['facilities']} SET name = $2, timezone = $3, version = $4 WHERE id = $1`, [
        facilityId,
        name,
        timezone,
        event.streamVersion,
      ]);
    }
  },
};
