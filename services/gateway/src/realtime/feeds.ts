import type { NatsConnection } from '@nats-io/nats-core';
import type { Logger } from '@omni/contracts';
import { LiveFeed } from './live-feed.js';

export interface LiveFeeds {
  feedFor(stream: string): Promise<LiveFeed>;
  stop(): Promise<void>;
}

/** One live feed per stream per gateway process, shared by WebSocket and Server-Sent Events. */
export function liveFeeds(nats: NatsConnection, logger: Logger): LiveFeeds {
  const feeds = new Map<string, Promise<LiveFeed>>();
  return {
    feedFor(stream) {
      let feed = feeds.get(stream);
      if (!feed) {
        feed = LiveFeed.start(nats, stream, logger);
        feed.catch(() => feeds.delete(stream)); // a stream that does not exist yet may exist later
        feeds.set(stream, feed);
      }
      return feed;
    },
    async stop() {
      await Promise.all(
        [...feeds.values()].map((feed) =>
          feed.then(
            (f) => f.stop(),
            () => undefined,
          ),
        ),
      );
    },
  };
}
