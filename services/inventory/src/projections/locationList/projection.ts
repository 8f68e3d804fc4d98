import type { inventory } from '@omni/contracts';
import type { StoredEvent, Tx } from '@omni/event-store';
import { asDomainEvent } from '@omni/event-store';
import type { Projection, TableNames } from '@omni/projections';
import { tableExists } from '../tables.js';

export const locationListProjection: Projection = {
  name: 'locations',
  tables: ['location_list'],

  async createTables(tx: Tx, t: TableNames) {
    const locations = t['location_list']!;
    if (await tableExists(tx, locations)) return;
    await tx.query(`
      CREATE TABLE ${locations} (
        id uuid PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        version int NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX ON ${locations} (code);`);
  },

  async apply(tx: Tx, event: StoredEvent, t: TableNames) {
    if (!event.streamId.startsWith('location-')) return;
    const e = asDomainEvent<inventory.LocationEvent>(event);
    if (e.type !== 'created') return;
    await tx.query(
      `INSERT INTO ${t['location_list']} (id, code, name, version, created_at) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (id) DO NOTHING`,
      [e.data.locationId, e.data.code, e.data.name, event.streamVersion, event.recordedAt],
    );
  },
};
