export { newId } from './ids.js';
export { Money, money, addMoney, multiplyMoney } from './money.js';
export {
  SERVICES,
  type ServiceName,
  streamName,
  rpcSubject,
  DEAD_LETTER_STREAM,
  DEAD_LETTER_SUBJECT_PREFIX,
} from './subjects.js';
export { CloudEvent, type EventMetadata, type StoredEventForEnvelope, toCloudEvent } from './cloud-event.js';
export {
  type FieldError,
  type OmniErrorOptions,
  OmniError,
  ValidationError,
  UnauthorizedError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
  PreconditionFailedError,
  BusinessRuleError,
  RateLimitedError,
  ResourceLockedError,
  UnavailableError,
  InternalError,
  isOmniError,
  isTransient,
  type WireError,
  toWireError,
  isWireError,
  fromWireError,
  type ProblemDetails,
  PROBLEM_CONTENT_TYPE,
  toProblem,
} from './errors.js';
export { parseWith, zodIssuesToFieldErrors } from './validation.js';
export {
  ROLES,
  Role,
  type Actor,
  type RpcContext,
  type RpcRequest,
  type HealthReply,
  HEALTH_RPC,
  REPLAY_RPC,
  type ReplayInput,
  type ServiceHealth,
} from './rpc.js';
export { type Decider, type DomainEvent } from './decider.js';
export { type Logger, silentLogger } from './logger.js';
export { PageQuery, page, type Page, encodeCursor, decodeCursor, cursorKey, pageOf } from './pagination.js';
export { type EventDataSchemas, type EventsOf, parseEventData } from './events/map.js';
export { inventoryEvents } from './events/inventory.js';
export { ordersEvents } from './events/orders.js';
export { paymentsEvents } from './events/payments.js';
export { schedulingEvents } from './events/scheduling.js';
export { ticketingEvents } from './events/ticketing.js';
export { analyticsEvents } from './events/analytics.js';
export { gatewayEvents, type UserEvent } from './events/gateway.js';
export { notificationEvents } from './events/notification.js';
export { type TypedEvent, parseEvent } from './typed-event.js';
export { assertNever } from './exhaustive.js';
export * as inventory from './inventory.js';
export * as identity from './identity.js';
export * as orders from './orders.js';
export * as payments from './payments.js';
export * as scheduling from './scheduling.js';
export * as ticketing from './ticketing.js';
export * as analytics from './analytics.js';
export * as notification from './notification.js';
export { buildAsyncApiDocument, eventMaps, renderAsyncApiHtml } from './asyncapi.js';
