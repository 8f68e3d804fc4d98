import type { RouteCall } from '../http/route.js';
import type { SectionCache } from './cache.js';
import { cacheKey } from './sections.js';

/** Which cached section a REST read is, and what invalidates it (bff/tags.ts). */
export interface CachedReadOf<C> {
  readonly name: string;
  key(call: C): string;
  tags(call: C): readonly string[];
}

/**
 * A REST read answered through the gateway's section cache, under the same name and key as the BFF
 * section that reads the same data: `GET /inventory/products/{id}` and the product section of
 * `/mobile/products/{id}/complete` share one entry, invalidated by the same events and by writes
 * through this gateway before they answer (read-your-writes; docs/mobile.md, "REST reads"). Shared
 * per roles and vendor, like the section: a vendor user's answer is never anyone else's.
 */
export function cachedRead<C extends RouteCall, T>(
  cache: SectionCache,
  section: CachedReadOf<C>,
  read: (call: C) => Promise<T>,
): (call: C) => Promise<T> {
  return (call) =>
    cache.get(
      section.name,
      cacheKey(call.actor!, { name: section.name, key: section.key(call), scope: 'rights' }),
      async () => ({
        value: await read(call),
        tags: section.tags(call),
      }),
    );
}
