export {
  type OmniHttpClient,
  type OmniClientOptions,
  type SignedInUser,
  type Session,
  OmniClient,
  ok,
} from './http.js';
export {
  type OmniClientError,
  type OmniClientErrorKind,
  type FieldError,
  type Problem,
  OmniApiError,
  OmniNetworkError,
  OmniSignedOutError,
} from './errors.js';
export { type AccessTokenSource, type TokenPair } from './session.js';
export { DEFAULT_TIMEOUT_MS } from './session-fetch.js';
export type { paths, components, operations } from './schema.js';
export {
  type EventFrame,
  type ErrorFrame,
  type RealtimeOptions,
  type RealtimeSubscription,
  OmniRealtime,
  SubscriptionRefusedError,
} from './realtime.js';
