export {
  type OmniHttpClient,
  type OmniClientOptions,
  type SignedInUser,
  type Session,
  OmniApiError,
  OmniClient,
  ok,
} from './http.js';
export type { paths, components, operations } from './schema.js';
export {
  type EventFrame,
  type ErrorFrame,
  type RealtimeOptions,
  type RealtimeSubscription,
  OmniRealtime,
  SubscriptionRefusedError,
} from './realtime.js';
