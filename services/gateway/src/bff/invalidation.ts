import type { Logger } from '@omni/contracts';
import { RouteAnswer, type RouteSpec } from '../http/route.js';
import type { LiveFeeds } from '../realtime/feeds.js';
import type { FeedListener } from '../realtime/live-feed.js';
import type { SectionCache } from './cache.js';
import { INVALIDATING_STREAMS, tagsOfEvent, tagsOfWrite } from './tags.js';

const RETRY_MS = 5_000;

/**
 * Listens, on the live feeds the WebSocket bridge already runs (one consumer per stream per gateway
 * process), to every stream whose events change a BFF section, and drops the sections they change.
 * A stream that does not exist yet is tried again every few seconds.
 */
export function invalidateOnEvents(
  feeds: LiveFeeds,
  cache: SectionCache,
  logger: Logger,
): { stop(): void; ready: Promise<void> } {
  const listeners: { stream: string; listener: FeedListener }[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  const listen = async (stream: string): Promise<void> => {
    const listener: FeedListener = {
      filter: `${stream.toLowerCase()}.>`,
      deliver: ({ subject, event }) => cache.invalidate(tagsOfEvent(subject, event.data)),
    };
    try {
      (await feeds.feedFor(stream)).add(listener);
      listeners.push({ stream, listener });
    } catch (error) {
      if (stopped) return;
      logger.debug({ err: error, stream }, 'BFF cache: stream not there yet; retrying');
      const timer = setTimeout(() => {
        timers.delete(timer);
        void listen(stream);
      }, RETRY_MS);
      timers.add(timer);
    }
  };
  const ready = Promise.all(INVALIDATING_STREAMS.map(listen)).then(() => undefined);
  return {
    ready,
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      for (const { stream, listener } of listeners)
        void feeds.feedFor(stream).then((feed) => feed.remove(listener));
    },
  };
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
