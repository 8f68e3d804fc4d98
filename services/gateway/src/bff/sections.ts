import { NotFoundError, OmniError, UnavailableError, type Actor } from '@omni/contracts';
import { bffSectionErrors } from '@omni/service-kit';
import { z } from 'zod';
import { isAllowed, type Action } from '../http/policy.js';
import type { SectionCache } from './cache.js';

/** What a section carries in place of its data when it could not be read in time. */
export const SectionError = z
  .object({ error: z.object({ code: z.string().meta({ description: '`unavailable`: past its deadline' }) }) })
  .meta({ id: 'SectionError' });
export type SectionError = z.infer<typeof SectionError>;

/** Whose answer a cached section is: one user's, or everyone's with the same rights. */
export type SectionScope = 'user' | 'rights';

/**
 * One part of a BFF answer: an RPC fan-out read as the caller, with its own deadline. `access` is
 * the same policy action the REST route for the same data asks (docs/mobile.md); without it the
 * section is null. `tags` name what invalidates the cached answer (see invalidation.ts).
 */
export interface Section<T> {
  readonly name: string;
  readonly access: Action;
  readonly scope: SectionScope;
  /** Identifies the data read (e.g. the product id); part of the cache key. */
  readonly key: string;
  /** `deadlineMs` goes to the RPC client as its timeout, so a late answer is dropped there too. */
  fetch(deadlineMs: number): Promise<T>;
  tags(value: T): readonly string[];
  /** A primary section's 404 is the whole answer's 404 (the product itself does not exist). */
  readonly primary?: boolean;
  /** False for sections whose freshness matters more than a cache hit (the answer to a write). */
  readonly cached?: boolean;
}

type Answer<S extends Record<string, Section<unknown> | undefined>> = {
  [K in keyof S]: S[K] extends Section<infer T> ? T | SectionError | null : null;
};

export interface SectionEngineOptions {
  readonly cache: SectionCache;
  readonly deadlineMs: number;
}

/**
 * Fetches every section of one answer in parallel, each through the cache and within its deadline.
 * A slow, stopped or failing service costs only its own section (`{"error":{"code":"unavailable"}}`)
 * and marks the answer `partial`; the answer is never a 5xx and never waits past the deadline.
 */
export class SectionEngine {
  constructor(private readonly options: SectionEngineOptions) {}

  async answer<S extends Record<string, Section<unknown> | undefined>>(
    actor: Actor,
    sections: S,
  ): Promise<Answer<S> & { partial: boolean }> {
    let partial = false;
    const entries = await Promise.all(
      Object.entries(sections).map(async ([name, section]) => {
        if (!section || !isAllowed(actor, section.access)) return [name, null] as const;
        const value = await this.read(actor, section).catch((error: unknown) => {
          if (section.primary && error instanceof NotFoundError) throw error;
          partial = true;
          return sectionError(section.name, error);
        });
        return [name, value] as const;
      }),
    );
    return { ...(Object.fromEntries(entries) as Answer<S>), partial };
  }

  private read<T>(actor: Actor, section: Section<T>): Promise<T> {
    const deadline = performance.now() + this.options.deadlineMs;
    // Called at once on a miss, or after waiting for another request's fetch that turned out stale
    // for this one: either way within what is left of this read's deadline.
    const fetch = async () => {
      const remainingMs = Math.floor(deadline - performance.now());
      if (remainingMs <= 0) throw new UnavailableError('The section missed its deadline');
      const value = await withinDeadline(section.fetch(remainingMs), remainingMs);
      return { value, tags: section.tags(value) };
    };
    if (section.cached === false) return fetch().then(({ value }) => value);
    return this.options.cache.get(section.name, cacheKey(actor, section), fetch);
  }
}

/**
 * Two callers share a cached section only if the section would read the same for both: per user for
 * `user` sections; otherwise per roles and vendor (a vendor user sees only its vendor's products).
 */
function cacheKey(actor: Actor, section: Section<unknown>): string {
  const whose =
    section.scope === 'user'
      ? `user=${actor.userId}`
      : `roles=${[...actor.roles].sort().join(',')};vendor=${actor.vendorId ?? ''}`;
  return `${section.name}|${section.key}|${whose}`;
}

function sectionError(section: string, error: unknown): SectionError {
  const code =
    error instanceof UnavailableError || !(error instanceof OmniError) || error.status >= 500
      ? 'unavailable'
      : error.code;
  bffSectionErrors.inc({ section, code });
  return { error: { code } };
}

/** The RPC client times out at the same deadline; this also bounds sections that are not RPCs. */
function withinDeadline<T>(work: Promise<T>, deadlineMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UnavailableError('The section missed its deadline')), deadlineMs);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
