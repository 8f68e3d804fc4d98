import type { Projection, ServiceProjections, StreamProjection } from '@omni/projections';
import { facilityViewProjection } from './facilityView/projection.js';
import { incidentTypeListProjection } from './incidentTypeList/projection.js';
import { productViewProjection } from './productView/projection.js';
import { staffViewProjection } from './staffView/projection.js';
import { ticketDetailsProjection } from './ticketDetails/projection.js';

/** The read models ticketing folds from its own log, inside every command's transaction. */
export const TICKETING_PROJECTIONS: readonly Projection[] = [
  ticketDetailsProjection,
  incidentTypeListProjection,
];

/** Views of other services' entities (staff, facilities, products), fed by their streams. */
export const TICKETING_STREAM_PROJECTIONS: readonly StreamProjection[] = [
  staffViewProjection,
  facilityViewProjection,
  productViewProjection,
];

/** Every read model of ticketing: created at start and rebuilt by `omni replay ticketing`. */
export const TICKETING_READ_MODELS: ServiceProjections = {
  fromLog: TICKETING_PROJECTIONS,
  fromStreams: TICKETING_STREAM_PROJECTIONS,
};
