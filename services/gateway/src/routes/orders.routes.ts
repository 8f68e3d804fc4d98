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
      access: 'orders.place',
      body: orders.PlaceOrderInput,
      response: orders.Order,
      status: 201,
      idempotent: true,
      refusals: [{ status: 422, code: 'unknown_product' }],
      handle: forward(RPC.placeOrder, ({ body }) => body),
    }),
    defineRoute({
      operationId: 'listOrders',
      method: 'get',
      path: '/orders',
      tag: 'orders',
      summary: 'List orders, newest first, optionally by status',
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
      access: 'orders.read',
      params: OrderPath,
      response: orders.Order,
      status: 200,
      handle: forward(RPC.getOrder, ({ params }) => params),
    }),
    defineRoute({
      operationId: 'cancelOrder',
      method: 'post',
      path: '/orders/:orderId/cancel',
      tag: 'orders',
      summary: 'Cancel from pending, awaiting_payment or paid: stock is released and payments refunded',
      access: 'orders.place',
      params: OrderPath,
      body: orders.CancelOrderInput,
      response: orders.Order,
      status: 200,
      idempotent: true,
      ifMatch: true,
      refusals: [{ status: 409, code: 'order_shipped' }],
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
