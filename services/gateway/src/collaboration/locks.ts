import type { NatsConnection } from '@nats-io/nats-core';
import { Kvm, type KV, type KvEntry } from '@nats-io/kv';
import { ConflictError, ForbiddenError, NotFoundError, ResourceLockedError } from '@omni/contracts';
import { randomUUID } from 'node:crypto';

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

type StoredLock = Omit<Lock, 'expiresAt'>;

/** Lock ids are looked up through this prefix; resources always start with a service name. */
const BY_ID = 'by-id/';

/**
 * Locks on resources, shared by every gateway replica through a JetStream key-value bucket
 * (docs/collaboration.md). One key per resource: creating it only succeeds when it has no value and
 * renewing it is a compare-and-set on its revision, so exactly one holder wins any race. A lock is
 * held while its key exists: the bucket's max age is the lock duration, so the NATS server, by its
 * own clock, removes a lock whose last renewal is older than that.
 */
export class Locks {
  private constructor(
    private readonly kv: KV,
    private readonly ttlMs: number,
  ) {}

  static async open(nats: NatsConnection, ttlMs: number): Promise<Locks> {
    const kv = await new Kvm(nats).create(LOCKS_BUCKET, { ttl: ttlMs, history: 1 });
    return new Locks(kv, ttlMs);
  }

  /** Takes the lock, or renews it for a holder asking again; 409 `locked` when someone else holds it. */
  async acquire(resource: string, holder: LockHolder): Promise<Lock> {
    const lock: StoredLock = { id: randomUUID(), resource, holder };
    try {
      await this.kv.create(resource, JSON.stringify(lock));
      await this.kv.put(`${BY_ID}${lock.id}`, resource);
      return this.current(resource) as Promise<Lock>;
    } catch (error) {
      const held = await this.current(resource);
      if (!held) throw error; // not a lost race: a real failure
      if (held.holder.id !== holder.id) throw lockedBy(held, ConflictError);
      return this.renew(held.id, holder);
    }
  }

  async renew(lockId: string, holder: LockHolder): Promise<Lock> {
    const { entry, lock } = await this.ownEntry(lockId, holder);
    await this.kv.update(lock.resource, JSON.stringify(lock), entry.revision);
    await this.kv.put(`${BY_ID}${lock.id}`, lock.resource);
    const renewed = await this.current(lock.resource);
    if (renewed?.id !== lock.id) throw new NotFoundError('The lock has expired', 'lock_not_found');
    return renewed;
  }

  async release(lockId: string, holder: LockHolder): Promise<void> {
    const { entry, lock } = await this.ownEntry(lockId, holder);
    await this.kv.delete(lock.resource, { previousSeq: entry.revision });
    await this.kv.delete(`${BY_ID}${lock.id}`);
  }

  /** The lock on a resource, if one is held. */
  async current(resource: string): Promise<Lock | undefined> {
    const entry = await this.kv.get(resource);
    return entry && entry.operation === 'PUT' ? this.asLock(entry) : undefined;
  }

  /** 423 when someone other than `userId` holds a lock on the resource. */
  async assertWritable(resource: string, userId: string): Promise<void> {
    const lock = await this.current(resource);
    if (lock && lock.holder.id !== userId) throw lockedBy(lock, ResourceLockedError);
  }

  private async ownEntry(lockId: string, holder: LockHolder): Promise<{ entry: KvEntry; lock: Lock }> {
    const index = await this.kv.get(`${BY_ID}${lockId}`);
    const entry = index?.operation === 'PUT' ? await this.kv.get(index.string()) : null;
    const lock = entry?.operation === 'PUT' ? this.asLock(entry) : undefined;
    if (!entry || !lock || lock.id !== lockId) {
      throw new NotFoundError(`No lock ${lockId}: it was released or has expired`, 'lock_not_found');
    }
    if (lock.holder.id !== holder.id) throw new ForbiddenError('Only the holder may renew or release a lock');
    return { entry, lock };
  }

  /** Expiry is the server's timestamp of the last renewal plus the lock duration: no gateway clock. */
  private asLock(entry: KvEntry): Lock {
    const stored = entry.json<StoredLock>();
    return { ...stored, expiresAt: new Date(entry.created.getTime() + this.ttlMs).toISOString() };
  }
}

function lockedBy(
  lock: Lock,
  Refusal: typeof ConflictError | typeof ResourceLockedError,
): ConflictError | ResourceLockedError {
  const message = `${lock.resource} is locked by ${lock.holder.name} until ${lock.expiresAt}`;
  const details = { details: { holder: lock.holder, expiresAt: lock.expiresAt } };
  return Refusal === ConflictError
    ? new ConflictError('locked', message, details)
    : new ResourceLockedError(message, details);
}
