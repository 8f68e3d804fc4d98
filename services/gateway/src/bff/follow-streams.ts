import type { Logger } from '@omni/contracts';
import type { LiveFeeds } from '../realtime/feeds.js';
import type { FeedListener } from '../realtime/live-feed.js';

const RETRY_MS = 2_000;

export interface Following {
  stop(): Promise<void>;
}

/**
 * Adds listeners to the gateway's live feeds (the consumers the WebSocket bridge runs, one per stream
 * per process). A stream that does not exist yet (its service has not started) is tried again every
 * couple of seconds, so the gateway never waits on, or fails for, a service starting after it.
 */
export function followStreams(
  feeds: LiveFeeds,
  listeners: readonly { stream: string; listener: FeedListener }[],
  logger: Logger,
): Following {
  const added: { stream: string; listener: FeedListener }[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  const follow = async (entry: { stream: string; listener: FeedListener }): Promise<void> => {
    try {
      (await feeds.feedFor(entry.stream)).add(entry.listener);
      added.push(entry);
    } catch (error) {
      if (stopped) return;
      logger.debug({ err: error, stream: entry.stream }, 'mobile BFF: stream not there yet; retrying');
      const timer = setTimeout(() => {
        timers.delete(timer);
        void follow(entry);
      }, RETRY_MS);
      timers.add(timer);
    }
  };
  listeners.forEach((entry) => void follow(entry));
  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(
        added.map(async ({ stream, listener }) => (await feeds.feedFor(stream)).remove(listener)),
      );
    },
  };
}
