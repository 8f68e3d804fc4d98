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
