import type { Projection, ServiceProjections, StreamProjection } from '@omni/projections';
import { openTicketsProjection } from './openTickets/projection.js';
import { revenueByDayProjection } from './revenueByDay/projection.js';
import { salesByDayProjection } from './salesByDay/projection.js';
import { stockLevelsProjection } from './stockLevels/projection.js';
import { todaysShiftsProjection } from './todaysShifts/projection.js';

/** Analytics' own log holds only the dashboards' update events, which no read model needs. */
export const ANALYTICS_PROJECTIONS: readonly Projection[] = [];

/** The dashboards' read models, one per source stream (NATS 2.9 consumers take one filter). */
export const ANALYTICS_STREAM_PROJECTIONS: readonly StreamProjection[] = [
  salesByDayProjection,
  revenueByDayProjection,
  stockLevelsProjection,
  openTicketsProjection,
  todaysShiftsProjection,
];

/** Every read model of analytics: created at start and rebuilt by `omni replay analytics`. */
export const ANALYTICS_READ_MODELS: ServiceProjections = {
  fromLog: ANALYTICS_PROJECTIONS,
  fromStreams: ANALYTICS_STREAM_PROJECTIONS,
};
