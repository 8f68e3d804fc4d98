import type { Projection, ServiceProjections, StreamProjection } from '@omni/projections';
import { orderViewProjection } from './orderView/projection.js';
import { paymentListProjection } from './paymentList/projection.js';

/** The read models payments folds from its own log, inside every command's transaction. */
export const PAYMENTS_PROJECTIONS: readonly Projection[] = [paymentListProjection];

/** Read models of other services' entities, fed by their streams. */
export const PAYMENTS_STREAM_PROJECTIONS: readonly StreamProjection[] = [orderViewProjection];

/** Every read model of payments: created at start and rebuilt by `omni replay payments`. */
export const PAYMENTS_READ_MODELS: ServiceProjections = {
  fromLog: PAYMENTS_PROJECTIONS,
  fromStreams: PAYMENTS_STREAM_PROJECTIONS,
};
