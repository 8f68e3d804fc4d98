import {
  inventory,
  notification,
  orders,
  payments,
  scheduling,
  ticketing,
  type Page,
  type RpcContext,
} from '@omni/contracts';
import type { RpcClient } from '@omni/messaging';
import type { Users } from '../identity/users.js';
import type { Section } from './sections.js';
import { tag } from './tags.js';

const DAY_MS = 24 * 3600 * 1000;

export interface MobileNotifications {
  readonly unread: number;
  readonly latest: readonly notification.Notification[];
}

/**
 * The sections of the mobile answers (docs/mobile.md), built per request for the caller. Each reads
 * through `rpc.<service>.<name>` as the caller, so every service applies its own narrowing (a vendor's
 * products, a staff member's shifts, the tickets that concern the caller).
 */
export class MobileSections {
  constructor(
    private readonly rpc: RpcClient,
    private readonly users: Users,
    private readonly context: RpcContext,
  ) {}

  private get userId(): string {
    return this.context.actor!.userId;
  }

  private call<T>(service: string, name: string, input: unknown, deadlineMs: number): Promise<T> {
    return this.rpc.call<T>(service, name, { input, context: this.context }, { timeoutMs: deadlineMs });
  }

  /** The first page of a list RPC. */
  private items<T>(service: string, name: string, input: unknown, deadlineMs: number): Promise<readonly T[]> {
    return this.call<Page<T>>(service, name, input, deadlineMs).then((page) => page.items);
  }

  me(): Section<unknown> {
    return {
      name: 'me',
      access: 'self',
      scope: 'user',
      key: '',
      fetch: () => this.users.get(this.userId),
      tags: () => [tag.user(this.userId)],
    };
  }

  /** The caller's unread count and latest 5 notifications (their own inbox: the service reads the user from the context). */
  notifications(): Section<MobileNotifications> {
    return {
      name: 'notifications',
      access: 'self', // as GET /notifications
      scope: 'user',
      key: '',
      fetch: async (deadlineMs) => {
        const [unread, latest] = await Promise.all([
          this.call<{ count: number }>(
            'notification',
            notification.NOTIFICATION_RPC.unreadCount,
            {},
            deadlineMs,
          ),
          this.items<notification.Notification>(
            'notification',
            notification.NOTIFICATION_RPC.listNotifications,
            { limit: 5 },
            deadlineMs,
          ),
        ]);
        return { unread: unread.count, latest };
      },
      tags: () => [tag.notifications(this.userId)],
    };
  }

  /** Today's and tomorrow's (UTC) own shifts. */
  shifts(now: Date): Section<readonly scheduling.Shift[]> {
    const from = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
    const to = new Date(from.getTime() + 2 * DAY_MS);
    return {
      name: 'shifts',
      access: 'self', // as GET /scheduling/me/shifts: empty for a user with no staff member linked
      scope: 'user',
      key: from.toISOString(),
      fetch: (deadlineMs) =>
        this.items<scheduling.Shift>(
          'scheduling',
          scheduling.SCHEDULING_RPC.myShifts,
          { from: from.toISOString(), to: to.toISOString(), limit: 50 },
          deadlineMs,
        ),
      tags: () => [tag.shifts],
    };
  }

  /** Tickets the caller reported or is assigned to, not yet resolved, closed or cancelled. */
  openTickets(): Section<readonly ticketing.TicketSummary[]> {
    return {
      name: 'tickets',
      access: 'tickets.use',
      scope: 'user',
      key: '',
      fetch: (deadlineMs) =>
        this.items<ticketing.TicketSummary>(
          'ticketing',
          ticketing.TICKETING_RPC.listTickets,
          { mine: true, unresolved: true, limit: 20 },
          deadlineMs,
        ),
      tags: () => [tag.tickets],
    };
  }

  lowStock(): Section<readonly inventory.Product[]> {
    return {
      name: 'lowStock',
      access: 'inventory.read',
      scope: 'rights',
      key: '',
      fetch: (deadlineMs) =>
        this.items<inventory.Product>(
          'inventory',
          inventory.INVENTORY_RPC.listProducts,
          { lowStock: true, limit: 20 },
          deadlineMs,
        ),
      tags: (products) => [tag.lowStock, ...products.map((p) => tag.product(p.id))],
    };
  }

  ordersAwaitingPayment(): Section<{ count: number }> {
    return {
      name: 'ordersAwaitingPayment',
      access: 'orders.read',
      scope: 'rights',
      key: '',
      fetch: (deadlineMs) =>
        this.call('orders', orders.ORDERS_RPC.countOrders, { status: 'awaiting_payment' }, deadlineMs),
      tags: () => [tag.awaitingPayment],
    };
  }

  /** The product with its stock per location; `fresh` skips the cache (the answer to a write). */
  product(productId: string, { primary = false, fresh = false } = {}): Section<inventory.ProductDetails> {
    return {
      name: 'product',
      access: 'inventory.read',
      scope: 'rights',
      key: productId,
      primary,
      cached: !fresh,
      fetch: (deadlineMs) =>
        this.call('inventory', inventory.INVENTORY_RPC.getProduct, { productId }, deadlineMs),
      tags: () => [tag.product(productId)],
    };
  }

  movements(productId: string): Section<readonly inventory.Movement[]> {
    return {
      name: 'movements',
      access: 'inventory.read',
      scope: 'rights',
      key: productId,
      fetch: (deadlineMs) =>
        this.items<inventory.Movement>(
          'inventory',
          inventory.INVENTORY_RPC.listMovements,
          { productId, limit: 20 },
          deadlineMs,
        ),
      tags: () => [tag.product(productId)],
    };
  }

  openReservations(productId: string): Section<readonly inventory.OpenReservation[]> {
    return {
      name: 'openReservations',
      access: 'inventory.read',
      scope: 'rights',
      key: productId,
      fetch: (deadlineMs) =>
        this.call(
          'inventory',
          inventory.INVENTORY_RPC.listOpenReservations,
          { productId, limit: 50 },
          deadlineMs,
        ),
      tags: () => [tag.product(productId)],
    };
  }

  ordersWithProduct(productId: string): Section<readonly orders.Order[]> {
    return {
      name: 'recentOrders',
      access: 'orders.read',
      scope: 'rights',
      key: productId,
      fetch: (deadlineMs) =>
        this.items<orders.Order>(
          'orders',
          orders.ORDERS_RPC.listOrders,
          { productId, limit: 10 },
          deadlineMs,
        ),
      tags: (list) => [tag.ordersWithProduct(productId), ...list.map((o) => tag.order(o.id))],
    };
  }

  /** The customer with its balance; `fresh` skips the cache (the answer to a write). */
  customer(customerId: string, { primary = false, fresh = false } = {}): Section<orders.Customer> {
    return {
      name: 'customer',
      access: 'customers.read',
      scope: 'rights',
      key: customerId,
      primary,
      cached: !fresh,
      fetch: (deadlineMs) => this.call('orders', orders.ORDERS_RPC.getCustomer, { customerId }, deadlineMs),
      tags: () => [tag.customer(customerId)],
    };
  }

  /** The customer's 10 newest orders; a new one changes the customer's stream (its balance). */
  ordersOfCustomer(customerId: string): Section<readonly orders.Order[]> {
    return {
      name: 'customerOrders',
      access: 'orders.read',
      scope: 'rights',
      key: customerId,
      fetch: (deadlineMs) =>
        this.items<orders.Order>(
          'orders',
          orders.ORDERS_RPC.listOrders,
          { customerId, limit: 10 },
          deadlineMs,
        ),
      tags: (list) => [tag.customer(customerId), ...list.map((o) => tag.order(o.id))],
    };
  }

  order(orderId: string): Section<orders.Order> {
    return {
      name: 'order',
      access: 'orders.read',
      scope: 'rights',
      key: orderId,
      primary: true,
      fetch: (deadlineMs) => this.call('orders', orders.ORDERS_RPC.getOrder, { orderId }, deadlineMs),
      tags: () => [tag.order(orderId)],
    };
  }

  /** The order's payments, each with its refunds. */
  paymentsOf(orderId: string): Section<readonly payments.Payment[]> {
    return {
      name: 'payments',
      access: 'payments.manage', // as GET /payments?orderId=
      scope: 'rights',
      key: orderId,
      fetch: (deadlineMs) =>
        this.items<payments.Payment>(
          'payments',
          payments.PAYMENTS_RPC.listPayments,
          { orderId, limit: 200 },
          deadlineMs,
        ),
      tags: (list) => [tag.order(orderId), ...list.map((p) => tag.payment(p.id))],
    };
  }
}
