import { schedulingEvents, type TypedEvent } from '@omni/contracts';
import type { Tx } from '@omni/event-store';
import { streamProjection, type TableNames } from '@omni/projections';
import { createNameTable, upsertName } from '../names.js';

type SchedulingEvent = TypedEvent<typeof schedulingEvents>;

/** Facility names from scheduling's facility events, shown on the tickets that name a facility. */
export const facilityViewProjection = streamProjection({
  name: 'facilities',
  tables: ['facility_view'],
  source: { service: 'scheduling', filterSubject: 'scheduling.facility.>', events: schedulingEvents },
  createTables: (tx: Tx, t: TableNames) => createNameTable(tx, t['facility_view']!),
  async apply(tx: Tx, event: SchedulingEvent, t: TableNames) {
    if (event.type !== 'scheduling.facility.created' && event.type !== 'scheduling.facility.updated') return;
    await upsertName(tx, t['facility_view']!, event.data.facilityId, event.data.name, event.streamversion);
  },
});
