import type { Projection, ServiceProjections, StreamProjection } from '@omni/projections';
import { inboxProjection } from './inbox/projection.js';
import { orderPlacersProjection } from './orderPlacers/projection.js';
import { userDirectoryProjection } from './userDirectory/projection.js';

/** The read models notification folds from its own log, inside every command's transaction. */
export const NOTIFICATION_PROJECTIONS: readonly Projection[] = [inboxProjection];

/** Views of other services' entities (users and roles, who placed an order), fed by their streams. */
export const NOTIFICATION_STREAM_PROJECTIONS: readonly StreamProjection[] = [
  userDirectoryProjection,
  orderPlacersProjection,
];

/** Every read model of notification: created at start and rebuilt by `omni replay notification`. */
export const NOTIFICATION_READ_MODELS: ServiceProjections = {
  fromLog: NOTIFICATION_PROJECTIONS,
  fromStreams: NOTIFICATION_STREAM_PROJECTIONS,
};
