import type { Logger } from '@omni/contracts';
import type { RpcClient } from '@omni/messaging';
import type { RouteSpec } from '../http/route.js';
import type { Users } from '../identity/users.js';
import type { LiveFeeds } from '../realtime/feeds.js';
import { SectionCache } from './cache.js';
import { followStreams } from './follow-streams.js';
import { invalidatingWrites, invalidationListeners } from './invalidation.js';
import type { MobileDependencies } from './mobile.routes.js';
import { OrderDecisions } from './order-decisions.js';
import { SectionEngine } from './sections.js';

export interface BffSettings {
  readonly BFF_SECTION_DEADLINE_MS: number;
  readonly BFF_CACHE_MAX_BYTES: number;
  readonly BFF_CACHE_TTL_MS: number;
  readonly BFF_ORDER_DECISION_WAIT_MS: number;
}

export interface MobileBff {
  /** What the `/mobile/*` routes need (routes/index.ts). */
  readonly dependencies: MobileDependencies;
  /** Every write route made to drop the sections it changes before it answers. */
  invalidatingWrites(routes: readonly RouteSpec[]): RouteSpec[];
  stop(): Promise<void>;
}

/** The mobile backend-for-frontend (docs/mobile.md): its routes, section cache and invalidation. */
export function startMobileBff(options: {
  readonly rpc: RpcClient;
  readonly users: Users;
  readonly feeds: LiveFeeds;
  readonly logger: Logger;
  readonly settings: BffSettings;
}): MobileBff {
  const { settings } = options;
  const cache = new SectionCache({
    maxBytes: settings.BFF_CACHE_MAX_BYTES,
    ttlMs: settings.BFF_CACHE_TTL_MS,
  });
  const decisions = new OrderDecisions();
  const following = followStreams(
    options.feeds,
    [...invalidationListeners(cache), { stream: 'ORDERS', listener: decisions.listener }],
    options.logger,
  );
  const engine = new SectionEngine({ cache, deadlineMs: settings.BFF_SECTION_DEADLINE_MS });
  return {
    dependencies: {
      rpc: options.rpc,
      users: options.users,
      engine,
      decisions,
      decisionWaitMs: settings.BFF_ORDER_DECISION_WAIT_MS,
    },
    invalidatingWrites: (routes) => invalidatingWrites(routes, cache),
    stop: () => following.stop(),
  };
}
