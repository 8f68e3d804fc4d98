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

/** Commands (one event) and rebuilds (thousands) take the same path: one multi-row statement per kind. */
async function applyVendors(tx: Tx, events: readonly StoredEvent[], t: TableNames): Promise<void> {
  const vendorEvents = events
    .filter((event) => event.streamId.startsWith('vendor-'))
    .map((event) => ({ event, domain: asDomainEvent<inventory.VendorEvent>(event) }));
  await insertCreated(tx, vendorEvents, t);
  await applyRenames(tx, vendorEvents, t);
}

type VendorStoredEvent = { event: StoredEvent; domain: inventory.VendorEvent };

async function insertCreated(tx: Tx, events: VendorStoredEvent[], t: TableNames): Promise<void> {
  const created = events.flatMap(({ event, domain }) =>
    domain.type === 'created' ? [{ event, data: domain.data }] : [],
  );
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

/**
 * Renames in log order: the same vendor may be renamed twice in one batch, so each row takes the
 * batch's last name, and only from a version newer than its own (a replayed event changes nothing).
 */
async function applyRenames(tx: Tx, events: VendorStoredEvent[], t: TableNames): Promise<void> {
  const latest = new Map<string, { name: string; version: number }>();
  for (const { event, domain } of events) {
    if (domain.type !== 'updated' || domain.data.changes.name === undefined) continue;
    latest.set(domain.data.vendorId, { name: domain.data.changes.name, version: event.streamVersion });
  }
  if (latest.size === 0) return;
  const rows = [...latest.entries()];
  await tx.query(
    `UPDATE ${t['vendor_list']} AS v SET name = u.name, version = u.version
     FROM unnest($1::uuid[], $2::text[], $3::int[]) AS u(id, name, version)
     WHERE v.id = u.id AND v.version < u.version`,
    [rows.map(([id]) => id), rows.map(([, r]) => r.name), rows.map(([, r]) => r.version)],
  );
}
