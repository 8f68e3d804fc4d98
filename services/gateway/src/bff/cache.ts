import { bffCacheBytes, bffCacheLookups } from '@omni/service-kit';
import { LRUCache } from 'lru-cache';
import { rememberJson } from '../http/json-text.js';

/**
 * A cached section answer and the tags whose invalidation drops it. The value is kept as the object
 * itself, deeply frozen, not as JSON text: parsing the text again on every hit was the largest item
 * in the gateway's profile of the warm BFF (9%). Its JSON text, made once to measure `bytes`, is
 * remembered for the value (json-text.ts), so answers that contain the section reuse it.
 */
interface Entry {
  readonly value: unknown;
  readonly bytes: number;
  readonly tags: readonly string[];
}

/** A fetch under way: its answer is only stored if none of its tags was invalidated meanwhile. */
interface Flight {
  readonly startedAt: number;
}

/** A fetch's answer, and whether it is still current when it arrives (the rule for storing it). */
interface Outcome<T> extends Fetched<T> {
  readonly current: boolean;
}

interface Fetched<T> {
  readonly value: T;
  readonly tags: readonly string[];
}

export interface SectionCacheOptions {
  /** Bound on the JSON text kept, in bytes (UTF-16 length × 2 is not needed: JSON here is ASCII-heavy). */
  readonly maxBytes: number;
  /** Safety net for an event the gateway never saw (a feed restarting): no entry outlives this. */
  readonly ttlMs: number;
}

/**
 * The mobile BFF's section cache (docs/mobile.md): answers as JSON text in an LRU bounded by bytes,
 * each entry tagged (`product:<id>`, `order:<id>`, `lowStock`, …). `invalidate(tags)` drops every
 * entry carrying one of them; the events the gateway consumes and the writes it forwards both call it.
 *
 * A read that started before an invalidation must not store what it read afterwards, or a client
 * could read, after its own acknowledged write, an answer fetched before it: each invalidation is
 * numbered, and an answer is stored only if none of its tags was invalidated after its fetch began.
 */
export class SectionCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly keysByTag = new Map<string, Set<string>>();
  /** Tag → number of its last invalidation, oldest first; pruned to what running fetches can need. */
  private readonly invalidatedAt = new Map<string, number>();
  private readonly flights = new Set<Flight>();
  /** Key → the outcome of its fetch under way, which later misses on the key wait for. */
  private readonly fetchesUnderWay = new Map<string, Promise<Outcome<unknown>>>();
  private invalidations = 0;

  constructor(options: SectionCacheOptions) {
    this.entries = new LRUCache<string, Entry>({
      maxSize: options.maxBytes,
      sizeCalculation: (entry, key) => entry.bytes + key.length + 64,
      ttl: options.ttlMs,
      dispose: (entry, key) => this.unindex(key, entry.tags),
    });
  }

  /**
   * The cached answer of `key`, or `fetch()`'s, stored with its tags when still current. Misses on a
   * key whose fetch is already under way wait for that fetch (outcome `shared`) instead of sending
   * the same RPCs again: when a popular section is invalidated, every user reading it at that moment
   * used to fetch it at once. A waiter takes the shared answer only if it is current for it, on the
   * same rule as storing it (none of its tags invalidated since the fetch began, so it reflects every
   * write acknowledged before the waiter arrived); otherwise it fetches for itself. A shared fetch
   * that fails fails its waiters too: they arrived later and would not have done better within
   * their deadlines.
   */
  async get<T>(section: string, key: string, fetch: () => Promise<Fetched<T>>): Promise<T> {
    const cached = this.entries.get(key);
    if (cached) {
      bffCacheLookups.inc({ section, outcome: 'hit' });
      return cached.value as T;
    }
    const underWay = this.fetchesUnderWay.get(key);
    if (underWay) {
      bffCacheLookups.inc({ section, outcome: 'shared' });
      const shared = (await underWay) as Outcome<T>;
      if (shared.current) return shared.value;
    } else {
      bffCacheLookups.inc({ section, outcome: 'miss' });
    }
    return this.fetchAndStore(key, fetch);
  }

  private async fetchAndStore<T>(key: string, fetch: () => Promise<Fetched<T>>): Promise<T> {
    const flight = { startedAt: this.invalidations };
    // Judged as the answer arrives, while this flight still keeps the invalidations it needs.
    const outcome = fetch().then(({ value, tags }) => ({
      value,
      tags,
      current: this.isCurrent(tags, flight),
    }));
    this.fetchesUnderWay.set(key, outcome);
    this.flights.add(flight);
    try {
      const { value, tags, current } = await outcome;
      if (current) this.store(key, value, tags);
      return value;
    } finally {
      if (this.fetchesUnderWay.get(key) === outcome) this.fetchesUnderWay.delete(key);
      this.flights.delete(flight);
      this.forgetOldInvalidations();
    }
  }

  /** True when none of `tags` was invalidated after `flight` began. */
  private isCurrent(tags: readonly string[], flight: Flight): boolean {
    return !tags.some((tag) => (this.invalidatedAt.get(tag) ?? -1) >= flight.startedAt);
  }

  invalidate(tags: Iterable<string>): void {
    const number = this.invalidations++;
    for (const tag of tags) {
      this.invalidatedAt.delete(tag); // re-inserted last: the map stays ordered by number
      this.invalidatedAt.set(tag, number);
      for (const key of [...(this.keysByTag.get(tag) ?? [])]) this.entries.delete(key);
    }
    this.forgetOldInvalidations();
    bffCacheBytes.set(this.entries.calculatedSize);
  }

  get size(): number {
    return this.entries.size;
  }

  private store(key: string, value: unknown, tags: readonly string[]): void {
    const json = JSON.stringify(value);
    if (typeof value === 'object' && value !== null) rememberJson(value, json); // answers reuse it
    this.entries.set(key, { value: deepFreeze(value), bytes: json.length, tags });
    if (!this.entries.has(key)) return; // larger than the whole cache
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag) ?? new Set<string>();
      this.keysByTag.set(tag, keys.add(key));
    }
    bffCacheBytes.set(this.entries.calculatedSize);
  }

  private unindex(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }

  /** Invalidations older than every running fetch can no longer stop a store. */
  private forgetOldInvalidations(): void {
    let oldest = this.invalidations;
    for (const flight of this.flights) oldest = Math.min(oldest, flight.startedAt);
    for (const [tag, number] of this.invalidatedAt) {
      if (number >= oldest) break;
      this.invalidatedAt.delete(tag);
    }
  }
}

/** Shared between every request that hits it, so nobody may change it (a change would throw). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
