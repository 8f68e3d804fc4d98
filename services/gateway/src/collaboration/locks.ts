import type { NatsConnection } from '@nats-io/nats-core';
import { Kvm, type KV, type KvEntry } from '@nats-io/kv';
import { ConflictError, ForbiddenError, NotFoundError, ResourceLockedError } from '@omni/contracts';
import { randomBytes } from 'node:crypto';
import { kindOf } from './resources.js';

export const LOCKS_BUCKET = 'omni_locks';

export interface LockHolder {
  readonly id: string;
  readonly name: string;
}

export interface Lock {
  readonly id: string;
  readonly resource: string;
  readonly holder: LockHolder;
  readonly expiresAt: string;
}

/** A user's display name, for the `holder` of a lock: looked up when a lock is shown, not stored with it. */
export type NameOf = (userId: string) => Promise<string>;

/** The value under a locked resource's key. */
interface StoredLock {
  readonly id: string;
  /** Values written before lock ids named their resource also carry the holder's name: not read. */
  readonly holder: { readonly id: string };
  /** Absent in values written before lock ids named their resource: then the write's timestamp + ttl. */
  readonly expiresAt?: string;
}

/** A lock as read from the bucket, with the revision a compare-and-set needs. */
interface HeldLock {
  readonly resource: string;
  readonly stored: StoredLock;
  readonly expiresAt: string;
  readonly revision: number;
}

/** `orders.order.<id>.<22 base64url characters>`: the resource it locks, then 128 random bits. */
const LOCK_ID = /^([a-z]+)\.([a-z]+)\.([A-Za-z0-9_-]{1,100})\.[A-Za-z0-9_-]{22}$/;

/** How often a conditional write is tried again when the key changed between our read and our write. */
const ATTEMPTS = 3;

/**
 * Locks on resources, shared by every gateway replica through a JetStream key-value bucket
 * (docs/collaboration.md). One key per resource: creating it only succeeds when it has no value and
 * renewing and releasing are compare-and-set on its revision, so exactly one holder wins any race. A
 * lock is held while its key exists: the bucket's max age is the lock duration, so the NATS server, by
 * its own clock, removes a lock whose last write is older than that.
 *
 * Every call is as few NATS round trips as that allows (issue #14): the lock id names the resource,
 * so renewing or releasing reads the one key it needs; taking a lock is the create alone, because
 * `expiresAt` is written into the value rather than read back from the server's timestamp; and the
 * holder's name, which is not stored, is looked up in PostgreSQL at the same time as the NATS call.
 */
export class Locks {
  private constructor(
    private readonly kv: KV,
    private readonly ttlMs: number,
    private readonly nameOf: NameOf,
  ) {}

  static async open(nats: NatsConnection, ttlMs: number, nameOf: NameOf): Promise<Locks> {
    const kv = await new Kvm(nats).create(LOCKS_BUCKET, { ttl: ttlMs, history: 1 });
    return new Locks(kv, ttlMs, nameOf);
  }

  /** Takes the lock, or renews it for a holder asking again; 409 `locked` when someone else holds it. */
  async acquire(resource: string, holderId: string): Promise<Lock> {
    const lock = { id: newLockId(resource), holder: { id: holderId }, ...this.expiryFromNow() };
    const [held, name] = await Promise.all([this.create(resource, lock), this.nameOf(holderId)]);
    if (!held) return shown(resource, lock, name);
    if (held.stored.holder.id !== holderId) throw await this.lockedBy(held, ConflictError);
    return this.extend(held, name);
  }

  async renew(lockId: string, holderId: string): Promise<Lock> {
    const resource = resourceOfLockId(lockId);
    const [held, name] = await Promise.all([this.ownLock(resource, lockId, holderId), this.nameOf(holderId)]);
    return this.extend(held, name);
  }

  async release(lockId: string, holderId: string): Promise<void> {
    const resource = resourceOfLockId(lockId);
    for (let attempt = 1; ; attempt++) {
      const held = await this.ownLock(resource, lockId, holderId);
      try {
        await this.kv.delete(resource, { previousSeq: held.revision });
        return;
      } catch (error) {
        if (attempt === ATTEMPTS) throw error; // else renewed meanwhile (another tab of the holder's): read again
      }
    }
  }

  /** 423 when someone other than `userId` holds a lock on the resource. */
  async assertWritable(resource: string, userId: string): Promise<void> {
    const held = await this.held(resource);
    if (held && held.stored.holder.id !== userId) throw await this.lockedBy(held, ResourceLockedError);
  }

  /**
   * Writes the lock if the key holds none (never written, released, or expired); otherwise answers the
   * lock that holds it. The write names the key's last revision it expects (0: none), so of two
   * concurrent writers exactly one succeeds, whichever replica they run on.
   */
  private async create(resource: string, lock: StoredLock): Promise<HeldLock | undefined> {
    let expectedRevision = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.kv.put(resource, JSON.stringify(lock), { previousSeq: expectedRevision });
        return undefined;
      } catch (error) {
        const entry = await this.kv.get(resource);
        if (entry?.operation === 'PUT') return this.heldBy(resource, entry);
        if (attempt === ATTEMPTS) throw error; // not a lost race: a real failure
        expectedRevision = entry?.revision ?? 0; // a release's delete marker, or expired meanwhile
      }
    }
  }

  /** The lock, another `ttlMs` from now; 404 when it expired, or was released, since it was read. */
  private async extend(held: HeldLock, name: string): Promise<Lock> {
    // A lock taken before lock ids named their resource gets an id that does, so it can be released.
    const id = LOCK_ID.test(held.stored.id) ? held.stored.id : newLockId(held.resource);
    const renewed = { id, holder: { id: held.stored.holder.id }, ...this.expiryFromNow() };
    try {
      await this.kv.update(held.resource, JSON.stringify(renewed), held.revision);
      return shown(held.resource, renewed, name);
    } catch (error) {
      const now = await this.held(held.resource);
      if (now?.stored.id !== held.stored.id) throw lockNotFound(held.stored.id);
      if (now.revision === held.revision) throw error; // the key did not change: a real failure
      return shown(held.resource, { ...now.stored, expiresAt: now.expiresAt }, name); // another request renewed it
    }
  }

  private async ownLock(resource: string, lockId: string, holderId: string): Promise<HeldLock> {
    const held = await this.held(resource);
    if (held?.stored.id !== lockId) throw lockNotFound(lockId);
    if (held.stored.holder.id !== holderId) {
      throw new ForbiddenError('Only the holder may renew or release a lock');
    }
    return held;
  }

  private async held(resource: string): Promise<HeldLock | undefined> {
    const entry = await this.kv.get(resource);
    return entry?.operation === 'PUT' ? this.heldBy(resource, entry) : undefined;
  }

  private heldBy(resource: string, entry: KvEntry): HeldLock {
    const stored = entry.json<StoredLock>();
    const expiresAt = stored.expiresAt ?? new Date(entry.created.getTime() + this.ttlMs).toISOString();
    return { resource, stored, expiresAt, revision: entry.revision };
  }

  /**
   * Taken before the write is sent, by this gateway's clock: the NATS server stamps the write later,
   * and removes the key `ttlMs` after its own stamp, so a lock lasts at least until its `expiresAt`
   * (give or take the skew between the two clocks, which NTP keeps to milliseconds).
   */
  private expiryFromNow(): { expiresAt: string } {
    return { expiresAt: new Date(Date.now() + this.ttlMs).toISOString() };
  }

  private async lockedBy(
    held: HeldLock,
    Refusal: typeof ConflictError | typeof ResourceLockedError,
  ): Promise<ConflictError | ResourceLockedError> {
    const holder = { id: held.stored.holder.id, name: await this.nameOf(held.stored.holder.id) };
    const message = `${held.resource} is locked by ${holder.name} until ${held.expiresAt}`;
    const details = { details: { holder, expiresAt: held.expiresAt } };
    return Refusal === ConflictError
      ? new ConflictError('locked', message, details)
      : new ResourceLockedError(message, details);
  }
}

function shown(resource: string, lock: Required<StoredLock>, name: string): Lock {
  return { id: lock.id, resource, holder: { id: lock.holder.id, name }, expiresAt: lock.expiresAt };
}

function newLockId(resource: string): string {
  return `${resource.replaceAll('/', '.')}.${randomBytes(16).toString('base64url')}`;
}

/** The resource a lock id names; 404 for anything this gateway does not give out as a lock id. */
function resourceOfLockId(lockId: string): string {
  const match = LOCK_ID.exec(lockId);
  const resource = match && `${match[1]}/${match[2]}/${match[3]}`;
  if (!resource || !kindOf(resource)) throw lockNotFound(lockId);
  return resource;
}

function lockNotFound(lockId: string): NotFoundError {
  return new NotFoundError(`No lock ${lockId}: it was released or has expired`, 'lock_not_found');
}
