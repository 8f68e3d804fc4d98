import type { Projection, ServiceProjections, StreamProjection } from '@omni/projections';
import { assignableUsersProjection } from './assignableUsers/projection.js';
import { customerListProjection } from './customerList/projection.js';
import { orderDetailsProjection } from './orderDetails/projection.js';
import { priceListProjection } from './priceList/projection.js';

/** The read models orders folds from its own log, inside every command's transaction. */
export const ORDERS_PROJECTIONS: readonly Projection[] = [orderDetailsProjection, customerListProjection];

/** Read models of other services' entities, fed by their streams. */
export const ORDERS_STREAM_PROJECTIONS: readonly StreamProjection[] = [
  priceListProjection,
  assignableUsersProjection,
];

/** Every read model of orders: created at start and rebuilt by `omni replay orders`. */
export const ORDERS_READ_MODELS: ServiceProjections = {
  fromLog: ORDERS_PROJECTIONS,
  fromStreams: ORDERS_STREAM_PROJECTIONS,
};
