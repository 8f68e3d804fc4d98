import type { Actor } from '@omni/contracts';
import type { WebSocket } from 'ws';
import { kindOf } from '../collaboration/resources.js';
import type { Presence, PresenceListener } from '../collaboration/presence.js';
import { streamAccess } from './stream-access.js';
import {
  EventSubscription,
  isRefusal,
  requestSubscription,
  type SubscriptionEngine,
  type SubscriptionLimits,
} from './subscription.js';

export const SLOW_CONSUMER_CLOSE_CODE = 4008;

export interface SessionLimits extends SubscriptionLimits {
  readonly maxSubscriptions: number;
  /** Resources one socket may be present on at once. */
  readonly maxPresence: number;
}

export interface SessionDependencies extends SubscriptionEngine {
  readonly limits: SessionLimits;
  readonly onSlowConsumer: () => void;
  readonly presence: Presence;
  /** The name other members see. */
  readonly nameOf: (actor: Actor) => Promise<string>;
}

type ClientFrame = { op?: unknown; id?: unknown; subject?: unknown; since?: unknown; resource?: unknown };

interface Membership {
  readonly resource: string;
  readonly listener: PresenceListener;
  readonly key: Promise<string | undefined>;
}

/**
 * One WebSocket (docs/realtime.md): its frames and its subscriptions. What a
 * subscription does (rights, the backlog-then-live seam, limits) is `EventSubscription`'s, shared
 * with Server-Sent Events.
 */
export class RealtimeSession {
  private readonly subscriptions = new Map<string, EventSubscription>();
  private readonly memberships = new Map<string, Membership>();
  private closed = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly actor: Actor,
    private readonly deps: SessionDependencies,
  ) {}

  async handle(raw: string): Promise<void> {
    let frame: ClientFrame;
    try {
      frame = JSON.parse(raw) as ClientFrame;
    } catch {
      return this.error(undefined, 'bad_request', 'frames must be JSON objects');
    }
    if (typeof frame !== 'object' || frame === null)
      return this.error(undefined, 'bad_request', 'frames must be JSON objects');
    if (frame.op === 'ping') return this.send({ op: 'pong' });
    const id =
      typeof frame.id === 'string' && frame.id.length > 0 && frame.id.length <= 100 ? frame.id : undefined;
    if (frame.op === 'subscribe') return this.subscribe(id, frame.subject, frame.since);
    if (frame.op === 'unsubscribe') return this.unsubscribe(id);
    if (frame.op === 'join') return this.join(id, frame.resource);
    if (frame.op === 'leave') return this.leave(id);
    return this.error(id, 'bad_request', 'op must be subscribe, unsubscribe, join, leave or ping');
  }

  close(): void {
    this.closed = true;
    for (const subscription of this.subscriptions.values()) subscription.close();
    this.subscriptions.clear();
    for (const id of [...this.memberships.keys()]) this.leave(id);
  }

  /** Presence on a resource (docs/collaboration.md): for whoever may read its events. */
  private join(id: string | undefined, resource: unknown): void {
    if (!id)
      return this.error(undefined, 'bad_request', 'join needs an id (a string of 1 to 100 characters)');
    if (this.memberships.has(id)) return this.error(id, 'bad_request', `presence ${id} exists already`);
    if (this.memberships.size >= this.deps.limits.maxPresence) {
      const message = `at most ${this.deps.limits.maxPresence} resources per socket`;
      return this.error(id, 'too_many_subscriptions', message);
    }
    const kind = typeof resource === 'string' ? kindOf(resource) : undefined;
    if (!kind) return this.error(id, 'bad_request', 'resource must be <service>/<aggregate>/<id>');
    const [service, aggregate, aggregateId] = (resource as string).split('/');
    if (!streamAccess(this.actor, service!, `${service}.${aggregate}.${aggregateId}.>`).allowed) {
      return this.error(id, 'forbidden', `your role may not read ${kind} resources`);
    }
    const listener: PresenceListener = (users) => this.send({ op: 'presence', id, resource, users });
    const key = this.deps
      .nameOf(this.actor)
      .then((name) => this.deps.presence.join(resource as string, { id: this.actor.userId, name }, listener))
      .catch((error: unknown) => {
        this.deps.logger.warn({ err: error }, 'presence join failed');
        this.memberships.delete(id);
        this.error(id, 'bad_request', 'could not join');
        return undefined;
      });
    this.memberships.set(id, { resource: resource as string, listener, key });
  }

  private leave(id: string | undefined): void {
    const membership = id ? this.memberships.get(id) : undefined;
    if (!id || !membership) return this.error(id, 'not_found', `no presence ${id ?? ''}`);
    this.memberships.delete(id);
    void membership.key.then((key) =>
      key ? this.deps.presence.leave(membership.resource, key, membership.listener) : undefined,
    );
  }

  private async subscribe(id: string | undefined, filter: unknown, since: unknown): Promise<void> {
    if (!id)
      return this.error(undefined, 'bad_request', 'subscribe needs an id (a string of 1 to 100 characters)');
    if (this.subscriptions.has(id)) return this.error(id, 'bad_request', `subscription ${id} exists already`);
    if (this.subscriptions.size >= this.deps.limits.maxSubscriptions) {
      return this.error(
        id,
        'too_many_subscriptions',
        `at most ${this.deps.limits.maxSubscriptions} subscriptions per socket`,
      );
    }
    const request = requestSubscription(this.actor, filter, since);
    if (isRefusal(request)) return this.error(id, request.code, request.message);
    const subscription = new EventSubscription(request, this.deps, {
      subscribed: (stream, lastSeq) =>
        this.send({ op: 'subscribed', id, subject: request.filter, stream, lastSeq }),
      event: (message, stream) =>
        this.send({
          op: 'event',
          id,
          subject: message.subject,
          stream,
          seq: message.seq,
          event: message.event,
        }),
      bufferedBytes: () => this.socket.bufferedAmount,
      overflow: () => this.slowConsumer(),
    });
    this.subscriptions.set(id, subscription);
    const refusal = await subscription.start();
    if (refusal) {
      this.subscriptions.delete(id);
      this.error(id, refusal.code, refusal.message);
    }
  }

  private unsubscribe(id: string | undefined): void {
    const subscription = id ? this.subscriptions.get(id) : undefined;
    if (!id || !subscription) return this.error(id, 'not_found', `no subscription ${id ?? ''}`);
    this.subscriptions.delete(id);
    subscription.close();
  }

  private send(frame: object): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > this.deps.limits.maxBufferedBytes) return this.slowConsumer();
    this.socket.send(JSON.stringify(frame));
  }

  private error(id: string | undefined, code: string, message: string): void {
    this.send({ op: 'error', ...(id ? { id } : {}), code, message });
  }

  /** Never unbounded memory for one socket: close it (4008) and let the client resume with `since`. */
  private slowConsumer(): void {
    if (this.closed) return;
    this.deps.onSlowConsumer();
    this.close();
    this.socket.close(SLOW_CONSUMER_CLOSE_CODE, 'slow consumer: resume with since');
  }
}
