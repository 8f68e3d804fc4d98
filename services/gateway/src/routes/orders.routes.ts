import { orders } from '@omni/contracts';
import type { RpcClient } from '@omni/messaging';
import { z } from 'zod';
import { defineRoute, type RouteCall, type RouteSpec } from '../http/route.js';

const RPC = orders.ORDERS_RPC;
const OrderPath = z.object({ orderId: z.uuid() });

/** CONTRACT §5, orders. Each route forwards its validated input to `rpc.orders.<name>`. */
export function ordersRoutes(rpc: RpcClient): RouteSpec[] {
  const forward =
    <C extends RouteCall>(name: string, input: (call: C) => unknown) =>
    (call: C) =>
      rpc.call('orders', name, { input: input(call), context: call.context });
  return [
    defineRoute({
      operationId: 'placeOrder',
      method: 'post',
      path: '/orders',
      tag: 'orders',
      summary: 'Place an order: lines are priced from the catalogue; stock is reserved asynchronously',
      description:
        'Answers at once with the order `pending`, each line priced from the catalogue and the total. Inventory then ' +
        'reserves every line at the location, all or nothing: the order moves to `awaiting_payment`, or to `rejected` ' +
        'with the reason and the failing lines (follow it with GET or the `status_changed` event). A product not in ' +
        'the catalogue is 422 `unknown_product`; lines in different currencies are 422 `mixed_currency`. ' +
        'Name the customer inline (`customer`) or as a registered one (`customerId`, exactly one of the two): an ' +
        "unknown `customerId` is 422 `unknown_customer`, and an order whose total would take the customer's balance " +
        'above its credit limit is 422 `credit_limit_exceeded` (concurrent orders for one customer are decided one ' +
        "after the other, so together they never exceed it); an order in another currency than the customer's " +
        'account is 422 `currency_mismatch`. `source` (default `api`) and `priority` (default `normal`) are kept ' +
        'with the order.',
      access: 'orders.place',
      body: orders.PlaceOrderInput,
      response: orders.Order,
      status: 201,
      idempotent: true,
      refusals: [
        { status: 422, code: 'unknown_product' },
        { status: 422, code: 'mixed_currency' },
        { status: 422, code: 'unknown_customer' },
        { status: 422, code: 'credit_limit_exceeded' },
        { status: 422, code: 'currency_mismatch' },
      ],
      handle: forward(RPC.placeOrder, ({ body }) => body),
    }),
    defineRoute({
      operationId: 'listOrders',
      method: 'get',
      path: '/orders',
      tag: 'orders',
      summary: 'List orders, newest first, by status, assignee, priority, source or customer',
      description:
        'Orders, newest first, a page at a time: pass `nextCursor` back as `cursor` until it is null. Filters ' +
        '(`status`, `assigneeId`, `priority`, `source`, `customerId`) combine: an order must match all given.',
      access: 'orders.read',
      query: orders.ListOrdersQuery,
      response: orders.OrderPage,
      status: 200,
      handle: forward(RPC.listOrders, ({ query }) => query),
    }),
    defineRoute({
      operationId: 'getOrder',
      method: 'get',
      path: '/orders/:orderId',
      tag: 'orders',
      summary: 'An order with its status history, paid and due',
      description:
        'The order with its lines, every status it went through (with the reason, e.g. `payment_timeout`), what was ' +
        'paid and what is still due. The `ETag` header is its version, for `If-Match` on cancel or ship.',
      access: 'orders.read',
      params: OrderPath,
      response: orders.Order,
      status: 200,
      handle: forward(RPC.getOrder, ({ params }) => params),
    }),
    defineRoute({
      operationId: 'updateOrder',
      method: 'patch',
      path: '/orders/:orderId',
      tag: 'orders',
      summary: 'Change the notes, priority or assignee of an order not shipped or cancelled',
      description:
        'Changes any of `notes` (null clears them), `priority` and `assigneeId` (null unassigns); fields left out ' +
        'keep their value, and the change is published as `orders.order.<id>.updated`. The assignee must be an ' +
        'active user with role `sales` or `manager`: an unknown user is 422 `unknown_assignee`, another role 422 ' +
        '`assignee_not_eligible`. A shipped order is 409 `order_shipped`, a cancelled one 409 `order_closed`. ' +
        'Send `If-Match` with the version you read: an order changed since is 412 and nothing is written.',
      access: 'orders.place',
      params: OrderPath,
      body: orders.UpdateOrderInput,
      response: orders.Order,
      status: 200,
      ifMatch: true,
      refusals: [
        { status: 409, code: 'order_shipped' },
        { status: 409, code: 'order_closed' },
        { status: 422, code: 'unknown_assignee' },
        { status: 422, code: 'assignee_not_eligible' },
      ],
      handle: forward(
        RPC.updateOrder,
        ({ params, body }: RouteCall<{ orderId: string }, undefined, orders.UpdateOrderInput>) => ({
          ...params,
          body,
        }),
      ),
    }),
    defineRoute({
      operationId: 'cancelOrder',
      method: 'post',
      path: '/orders/:orderId/cancel',
      tag: 'orders',
      summary: 'Cancel from pending, awaiting_payment or paid: stock is released and payments refunded',
      description:
        'Cancels with a reason: the reserved stock is released and whatever was paid is refunded automatically. ' +
        'A shipped order cannot be cancelled (409 `order_shipped`); cancelling one already cancelled or rejected is ' +
        '409 `order_closed`.',
      access: 'orders.place',
      params: OrderPath,
      body: orders.CancelOrderInput,
      response: orders.Order,
      status: 200,
      idempotent: true,
      ifMatch: true,
      refusals: [
        { status: 409, code: 'order_shipped' },
        { status: 409, code: 'order_closed' },
      ],
      handle: forward(
        RPC.cancelOrder,
        ({ params, body }: RouteCall<{ orderId: string }, undefined, { reason: string }>) => ({
          ...params,
          body,
        }),
      ),
    }),
    defineRoute({
      operationId: 'shipOrder',
      method: 'post',
      path: '/orders/:orderId/ship',
      tag: 'orders',
      summary: 'Ship a paid order: its reserved stock leaves on-hand',
      description:
        'Marks the order shipped and turns its reservation into a stock decrease at the location. Only a `paid` ' +
        'order can ship: any other status is 409 `order_not_paid`.',
      access: 'orders.ship',
      params: OrderPath,
      response: orders.Order,
      status: 200,
      idempotent: true,
      ifMatch: true,
      refusals: [{ status: 409, code: 'order_not_paid' }],
      handle: forward(RPC.shipOrder, ({ params }) => params),
    }),
  ];
}
