import type { NatsConnection } from '@nats-io/nats-core';
import { Kvm, type KV } from '@nats-io/kv';
import type { Logger } from '@omni/contracts';
import { randomUUID } from 'node:crypto';

export const PRESENCE_BUCKET = 'omni_presence';

export interface PresentUser {
  readonly id: string;
  readonly name: string;
  readonly since: string;
}

export type PresenceListener = (users: readonly PresentUser[]) => void;

interface Room {
  /** Every member on any gateway, by its key in the bucket. */
  readonly members: Map<string, PresentUser>;
  /** This gateway's members: their keys, kept alive by heartbeats. */
  readonly local: Map<string, PresentUser>;
  readonly listeners: Set<PresenceListener>;
  stopWatching: () => void;
  lastSent: string;
}

/**
 * Who is looking at a resource, across gateway replicas (docs/collaboration.md). Each member is a
 * key `<resource>.<member>` in a JetStream key-value bucket whose max age is `ttlMs`; its gateway
 * rewrites it every `ttlMs / 3`. A member that leaves (or whose socket closes) is deleted at once;
 * one whose gateway died is removed by the NATS server when its key ages out, which every gateway
 * notices on its next sweep of the resource's keys.
 */
export class Presence {
  private readonly rooms = new Map<string, Room>();
  private readonly timers: NodeJS.Timeout[] = [];

  private constructor(
    private readonly kv: KV,
    private readonly logger: Logger,
  ) {}

  static async open(nats: NatsConnection, ttlMs: number, logger: Logger): Promise<Presence> {
    const kv = await new Kvm(nats).create(PRESENCE_BUCKET, { ttl: ttlMs, history: 1 });
    const presence = new Presence(kv, logger);
    presence.every(ttlMs / 3, () => presence.heartbeat());
    presence.every(Math.min(1000, ttlMs / 3), () => presence.sweep());
    return presence;
  }

  /** Adds a member; `listener` hears the full list of users on every change. Returns the member's key. */
  async join(
    resource: string,
    user: Omit<PresentUser, 'since'>,
    listener: PresenceListener,
  ): Promise<string> {
    const room = await this.room(resource);
    room.listeners.add(listener);
    const key = `${resource}.${randomUUID()}`;
    const member = { ...user, since: new Date().toISOString() };
    room.local.set(key, member);
    await this.kv.put(key, JSON.stringify(member));
    this.update(resource, room, key, member); // without waiting for the watch to echo it
    return key;
  }

  async leave(resource: string, key: string, listener: PresenceListener): Promise<void> {
    const room = this.rooms.get(resource);
    if (!room) return;
    room.listeners.delete(listener);
    room.local.delete(key);
    await this.kv.delete(key).catch((error: unknown) => this.logger.warn({ err: error }, 'presence leave'));
    if (room.listeners.size === 0) {
      room.stopWatching();
      this.rooms.delete(resource);
    }
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    const local = [...this.rooms.values()].flatMap((room) => [...room.local.keys()]);
    for (const room of this.rooms.values()) room.stopWatching();
    this.rooms.clear();
    await Promise.all(local.map((key) => this.kv.delete(key).catch(() => undefined)));
  }

  private async room(resource: string): Promise<Room> {
    const existing = this.rooms.get(resource);
    if (existing) return existing;
    const room: Room = {
      members: new Map(),
      local: new Map(),
      listeners: new Set(),
      stopWatching: () => undefined,
      lastSent: '[]',
    };
    this.rooms.set(resource, room);
    const watch = await this.kv.watch({ key: `${resource}.>` });
    room.stopWatching = () => watch.stop();
    void (async () => {
      for await (const entry of watch) {
        this.update(
          resource,
          room,
          entry.key,
          entry.operation === 'PUT' ? entry.json<PresentUser>() : undefined,
        );
      }
    })().catch((error: unknown) => this.logger.warn({ err: error, resource }, 'presence watch ended'));
    return room;
  }

  private update(resource: string, room: Room, key: string, member: PresentUser | undefined): void {
    if (member) room.members.set(key, member);
    else room.members.delete(key);
    this.notify(room);
  }

  /** Tells every local listener the users present, once per change: one entry per user, earliest first. */
  private notify(room: Room): void {
    const users = new Map<string, PresentUser>();
    for (const member of room.members.values()) {
      const known = users.get(member.id);
      if (!known || member.since < known.since) users.set(member.id, member);
    }
    const list = [...users.values()].sort(
      (a, b) => a.since.localeCompare(b.since) || a.id.localeCompare(b.id),
    );
    const sent = JSON.stringify(list);
    if (sent === room.lastSent) return;
    room.lastSent = sent;
    for (const listener of room.listeners) listener(list);
  }

  private async heartbeat(): Promise<void> {
    for (const room of this.rooms.values()) {
      for (const [key, member] of room.local) await this.kv.put(key, JSON.stringify(member));
    }
  }

  /** Keys that aged out (their gateway stopped heartbeating) produce no watch event in NATS 2.9. */
  private async sweep(): Promise<void> {
    for (const [resource, room] of this.rooms) {
      const alive = new Set<string>();
      for await (const key of await this.kv.keys(`${resource}.>`)) alive.add(key);
      let changed = false;
      for (const key of room.members.keys()) {
        if (!alive.has(key) && !room.local.has(key)) changed = room.members.delete(key) || changed;
      }
      if (changed) this.notify(room);
    }
  }

  private every(ms: number, task: () => Promise<void>): void {
    let running = false;
    const timer = setInterval(() => {
      if (running) return; // a slow round is not stacked on by the next
      running = true;
      task()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'presence upkeep failed'))
        .finally(() => (running = false));
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }
}
