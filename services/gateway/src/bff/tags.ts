/**
 * What a cached section depends on, as tags (docs/mobile.md). An event or a write names the tags it
 * changes; the cache drops every section carrying one of them.
 */
export const tag = {
  /** The product, its stock per location, movements and open reservations. */
  product: (id: string) => `product:${id}`,
  /** Which orders have a line of the product (a new order appears). */
  ordersWithProduct: (id: string) => `orders-with-product:${id}`,
  /** The order, its status history and what was paid. */
  order: (id: string) => `order:${id}`,
  /** A payment and its refunds. */
  payment: (id: string) => `payment:${id}`,
  /** Which products are low (one may enter the list). */
  lowStock: 'low-stock',
  /** How many orders await payment. */
  awaitingPayment: 'awaiting-payment',
  /** Anyone's shifts (a shift event does not name the user, only the staff member). */
  shifts: 'shifts',
  /** Anyone's tickets. */
  tickets: 'tickets',
  user: (id: string) => `user:${id}`,
  /** The customer, its balance and credit limit, and which orders are its. */
  customer: (id: string) => `customer:${id}`,
  /** One user's notifications: the unread count and the latest. */
  notifications: (userId: string) => `notifications:${userId}`,
} as const;

type Data = Record<string, unknown>;

const idsIn = (value: unknown, field: string): string[] => {
  if (!value || typeof value !== 'object') return [];
  const data = value as Data;
  const own = typeof data[field] === 'string' ? [data[field]] : [];
  const lines = Array.isArray(data['lines']) ? data['lines'].flatMap((line) => idsIn(line, field)) : [];
  return [...own, ...lines];
};

/**
 * The tags an event changes, from its subject `<service>.<aggregate>.<id>.<event>` and its data.
 * Events of other aggregates change nothing the BFF shows.
 */
export function tagsOfEvent(subject: string, data: unknown): string[] {
  const [service, aggregate, id = '', type = ''] = subject.split('.');
  switch (`${service}.${aggregate}`) {
    case 'inventory.product':
      return [
        tag.product(id),
        ...(['low_stock_detected', 'registered', 'updated'].includes(type) ? [tag.lowStock] : []),
      ];
    case 'inventory.reservation':
      return [tag.order(id)];
    case 'orders.order':
      return [
        tag.order(id),
        ...(changesAwaitingPayment(type, data) ? [tag.awaitingPayment] : []),
        ...(type === 'placed' ? idsIn(data, 'productId').map(tag.ordersWithProduct) : []),
      ];
    case 'payments.payment':
      return [tag.payment(id), ...idsIn(data, 'orderId').map(tag.order)];
    case 'orders.customer':
      return [tag.customer(id)];
    case 'notification.inbox':
      return [tag.notifications(id)];
    case 'gateway.user':
      return [tag.user(id)];
    default:
      if (service === 'scheduling') return [tag.shifts];
      if (service === 'ticketing') return [tag.tickets];
      return [];
  }
}

/** The streams whose events invalidate sections. */
export const INVALIDATING_STREAMS = [
  'INVENTORY',
  'ORDERS',
  'PAYMENTS',
  'SCHEDULING',
  'TICKETING',
  'NOTIFICATION',
  'GATEWAY',
];

export interface WriteThrough {
  /** The route's tag in the OpenAPI document: which service the write went to. */
  readonly area: string;
  readonly path: string;
  readonly params: unknown;
  readonly body: unknown;
  readonly result: unknown;
  readonly userId: string | undefined;
}

/**
 * The tags a write through the gateway changes, dropped before its answer leaves (read-your-writes):
 * what the write names (ids in its path, body and answer) in the service it went to. Effects the
 * write causes later in other services arrive as those services' events (docs/mobile.md).
 */
export function tagsOfWrite(write: WriteThrough): string[] {
  const { area, params, body, result } = write;
  const all = [params, body, result];
  const ids = (field: string) => [...new Set(all.flatMap((value) => idsIn(value, field)))];
  const resultId = idsIn(result, 'id');
  switch (area) {
    case 'inventory': {
      const products = write.path.startsWith('/inventory/products') ? [...ids('productId'), ...resultId] : [];
      // A receipt only raises stock, so it never puts a product on the low-stock list; one it takes
      // off the list was listed, and a listed product's own tag is among the list's tags. Dropping
      // `low-stock` on every receipt emptied the list for every reader at each delivery.
      const raisesStockOnly = write.path.endsWith('/receipts');
      return [...products.map(tag.product), ...(raisesStockOnly ? [] : [tag.lowStock])];
    }
    case 'orders':
    case 'mobile': {
      const orders = [...ids('orderId'), ...idsIn(result, 'id'), ...idsIn(getField(result, 'order'), 'id')];
      const products = [...ids('productId'), ...idsIn(getField(result, 'order'), 'productId')];
      return [
        ...orders.map(tag.order),
        ...products.flatMap((id) => [tag.product(id), tag.ordersWithProduct(id)]),
        ...customersOf(all).map(tag.customer),
        tag.awaitingPayment,
      ];
    }
    case 'customers':
      return [...new Set([...ids('customerId'), ...resultId])].map(tag.customer);
    case 'notifications':
      return write.userId ? [tag.notifications(write.userId)] : [];
    case 'payments':
      return [...ids('orderId').map(tag.order), ...[...ids('paymentId'), ...resultId].map(tag.payment)];
    case 'scheduling':
      return [tag.shifts];
    case 'tickets':
      return [tag.tickets];
    case 'users':
    case 'auth':
      return [...ids('userId'), ...resultId, ...(write.userId ? [write.userId] : [])].map(tag.user);
    default:
      return [];
  }
}

/**
 * Whether an order event changes how many orders await payment: only a status change into or out of
 * `awaiting_payment` does (docs/events.md, `status_changed` with `from` and `to`). Every order
 * event used to drop the count, ~4 per order, the home screen's most missed section.
 */
function changesAwaitingPayment(type: string, data: unknown): boolean {
  if (type !== 'status_changed') return false;
  return getField(data, 'from') === 'awaiting_payment' || getField(data, 'to') === 'awaiting_payment';
}

/** The registered customers a write names: its body's and the placed order's `customerId`. */
function customersOf(values: readonly unknown[]): string[] {
  const named = values.flatMap((value) => [value, getField(value, 'order')]);
  return [...new Set(named.flatMap((value) => idsIn(value, 'customerId')))];
}

function getField(value: unknown, field: string): unknown {
  return value && typeof value === 'object' ? (value as Data)[field] : undefined;
}
