import type { ticketing } from '@omni/contracts';
import { asDomainEvent, type StoredEvent, type Tx } from '@omni/event-store';
import { tableExists, type Projection, type TableNames } from '@omni/projections';

/** Incident types by code (GET /tickets/incident-types) and their default priority for opening. */
export const incidentTypeListProjection: Projection = {
  name: 'incidentTypes',
  tables: ['incident_types'],

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['incident_types']!)) return;
    await tx.query(`
      CREATE TABLE ${t['incident_types']} (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        default_priority text NOT NULL
      )`);
  },

  async apply(tx: Tx, event: StoredEvent, t: TableNames) {
    if (!event.streamId.startsWith('incidenttype-')) return;
    const e = asDomainEvent<ticketing.IncidentTypeEvent>(event);
    if (e.type !== 'created') return;
    const d = e.data;
    await tx.query(`INSERT INTO ${t['incident_types']} VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`, [
      d.incidentTypeId,
      d.code,
      d.name,
      d.defaultPriority,
    ]);
  },
};
