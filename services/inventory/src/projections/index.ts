import type { Projection, ServiceProjections } from '@omni/projections';
import { locationListProjection } from './locationList/projection.js';
import { movementHistoryProjection } from './movementHistory/projection.js';
import { openReservationsProjection } from './openReservations/projection.js';
import { productListProjection } from './productList/projection.js';
import { vendorListProjection } from './vendorList/projection.js';

/** The read models inventory folds from its own log, inside every command's transaction. */
export const INVENTORY_PROJECTIONS: readonly Projection[] = [
  locationListProjection,
  vendorListProjection,
  productListProjection,
  movementHistoryProjection,
  openReservationsProjection,
];

/** Every read model of inventory: created at start and rebuilt by `omni replay inventory`. */
export const INVENTORY_READ_MODELS: ServiceProjections = { fromLog: INVENTORY_PROJECTIONS, fromStreams: [] };
