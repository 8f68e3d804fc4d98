import type { orders } from '@omni/contracts';
import { LRUCache } from 'lru-cache';
import type { FeedListener } from '../realtime/live-feed.js';

type Status = orders.OrderStatus;

/**
 * The first status each order leaves `pending` for, as the gateway's live feed of stream ORDERS
 * delivers it (the same consumer the WebSocket bridge uses): `POST /mobile/orders` waits on it
 * instead of polling. Decisions that arrive before anyone waits are kept briefly, so a decision
 * that beats the placement's own answer is not missed.
 */
export class OrderDecisions {
  private readonly waiting = new Map<string, Set<(status: Status) => void>>();
  private readonly recent = new LRUCache<string, Status>({ max: 10_000, ttl: 60_000 });
  /** For the stream ORDERS (followStreams). */
  readonly listener: FeedListener = {
    filter: 'orders.order.*.status_changed',
    deliver: ({ event }) => {
      const { orderId, from, to } = event.data as orders.OrderStatusChanged;
      if (from === 'pending') this.decided(orderId, to);
    },
  };

  /** The status the order was decided to, or undefined if no decision came within `timeoutMs`. */
  waitFor(orderId: string, timeoutMs: number): Promise<Status | undefined> {
    const known = this.recent.get(orderId);
    if (known) return Promise.resolve(known);
    return new Promise((resolve) => {
      const waiters = this.waiting.get(orderId) ?? new Set();
      const done = (status: Status | undefined) => {
        clearTimeout(timer);
        waiters.delete(done);
        if (waiters.size === 0) this.waiting.delete(orderId);
        resolve(status);
      };
      const timer = setTimeout(() => done(undefined), timeoutMs);
      this.waiting.set(orderId, waiters.add(done));
    });
  }

  private decided(orderId: string, status: Status): void {
    this.recent.set(orderId, status);
    for (const resolve of [...(this.waiting.get(orderId) ?? [])]) resolve(status);
  }
}
