import type { inventory } from '@omni/contracts';
import type { StoredEvent, Tx } from '@omni/event-store';
import { asDomainEvent } from '@omni/event-store';
import { tableExists, type Projection, type TableNames } from '@omni/projections';

export const vendorListProjection: Projection = {
  name: 'vendors',
  tables: ['vendor_list'],

  async createTables(tx: Tx, t: TableNames) {
    const vendors = t['vendor_list']!;
    if (await tableExists(tx, vendors)) return;
    await tx.query(`
      CREATE TABLE ${vendors} (
        id uuid PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        version int NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX ON ${vendors} (code);`);
  },

  applyBatch: applyVendors,

  apply: (tx: Tx, event: StoredEvent, t: TableNames) => applyVendors(tx, [event], t),
};

/** Commands (one event) and rebuilds (thousands) take the same path: one multi-row statement. */
async function applyVendors(tx: Tx, events: readonly StoredEvent[], t: TableNames): Promise<void> {
  const created = events
    .filter((event) => event.streamId.startsWith('vendor-') && event.eventType === 'created')
    .map((event) => ({ event, data: asDomainEvent<inventory.VendorEvent>(event).data }));
  if (created.length === 0) return;
  await tx.query(
    `INSERT INTO ${t['vendor_list']} (id, code, name, version, created_at)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::timestamptz[])
     ON CONFLICT (id) DO NOTHING`,
    [
      created.map((c) => c.data.vendorId),
      created.map((c) => c.data.code),
      created.map((c) => c.data.name),
      created.map((c) => c.event.streamVersion),
      created.map((c) => c.event.recordedAt),
    ],
  );
}
