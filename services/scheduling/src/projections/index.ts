import type { Projection, ServiceProjections } from '@omni/projections';
import { eventListProjection } from './eventList/projection.js';
import { facilityListProjection } from './facilityList/projection.js';
import { shiftListProjection } from './shiftList/projection.js';
import { shiftTimersProjection } from './shiftTimers/projection.js';
import { staffListProjection } from './staffList/projection.js';
import { timeOffListProjection } from './timeOffList/projection.js';

/** The read models scheduling folds from its own log, inside every command's transaction. */
export const SCHEDULING_PROJECTIONS: readonly Projection[] = [
  facilityListProjection,
  staffListProjection,
  shiftListProjection,
  shiftTimersProjection,
  timeOffListProjection,
  eventListProjection,
];

/** Every read model of scheduling: created at start and rebuilt by `omni replay scheduling`. */
export const SCHEDULING_READ_MODELS: ServiceProjections = {
  fromLog: SCHEDULING_PROJECTIONS,
  fromStreams: [],
};
