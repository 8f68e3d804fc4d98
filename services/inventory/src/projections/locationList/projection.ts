import type { inventory } from '@omni/contracts';
import type { StoredEvent, Tx } from '@omni/event-store';
import { asDomainEvent } from '@omni/event-store';
import { tableExists, type Projection, type TableNames } from '@omni/projections';

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

  applyBatch: applyLocations,

  apply: (tx: Tx, event: StoredEvent, t: TableNames) => applyLocations(tx, [event], t),
};

/** Commands (one event) and rebuilds (thousands) take the same path: one multi-row statement. */
async function applyLocations(tx: Tx, events: readonly StoredEvent[], t: TableNames): Promise<void> {
  const created = events
    .filter((event) => event.streamId.startsWith('location-') && event.eventType === 'created')
    .map((event) => ({ event, data: asDomainEvent<inventory.LocationEvent>(event).data }));
  if (created.length === 0) return;
  await tx.query(
    `INSERT INTO ${t['location_list']} (id, code, name, version, created_at)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::timestamptz[])
     ON CONFLICT (id) DO NOTHING`,
    [
      created.map((c) => c.data.locationId),
      created.map((c) => c.data.code),
      created.map((c) => c.data.name),
      created.map((c) => c.event.streamVersion),
      created.map((c) => c.event.recordedAt),
    ],
  );
}
