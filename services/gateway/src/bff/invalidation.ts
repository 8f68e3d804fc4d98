import { RouteAnswer, type RouteSpec } from '../http/route.js';
import type { FeedListener } from '../realtime/live-feed.js';
import type { SectionCache } from './cache.js';
import { INVALIDATING_STREAMS, tagsOfEvent, tagsOfWrite } from './tags.js';

/**
 * Listeners, one per stream whose events change a BFF section, that drop the sections they change
 * (see tags.ts for which).
 */
export function invalidationListeners(cache: SectionCache): { stream: string; listener: FeedListener }[] {
  return INVALIDATING_STREAMS.map((stream) => ({
    stream,
    listener: {
      filter: `${stream.toLowerCase()}.>`,
      deliver: ({ subject, event }) => cache.invalidate(tagsOfEvent(subject, event.data)),
    },
  }));
}

/**
 * Every write route, made to drop the sections it changes before its answer leaves the gateway: a
 * client's next BFF read, on this gateway, never shows something older than its acknowledged write.
 * Dropped even when the write fails: a timeout may still have taken effect.
 */
export function invalidatingWrites(routes: readonly RouteSpec[], cache: SectionCache): RouteSpec[] {
  return routes.map((route) =>
    route.method === 'get'
      ? route
      : {
          ...route,
          async handle(call) {
            let result: unknown;
            try {
              result = await route.handle(call);
              return result;
            } finally {
              cache.invalidate(
                tagsOfWrite({
                  area: route.tag,
                  path: route.path,
                  params: call.params,
                  body: call.body,
                  result: result instanceof RouteAnswer ? result.body : result,
                  userId: call.actor?.userId,
                }),
              );
            }
          },
        },
  );
}
