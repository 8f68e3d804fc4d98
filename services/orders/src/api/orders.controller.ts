import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseWith, rpcSubject, type RpcRequest, orders as contracts } from '@omni/contracts';
import { z } from 'zod';
import { cancelOrder, placeOrder, shipOrder, type Orders } from '../application/orders.js';
import { countOrders, getOrder, listOrders } from '../projections/orderDetails/query.js';

export const ORDERS = Symbol('Orders');
const rpc = (name: string) => rpcSubject('orders', name);
const RPC = contracts.ORDERS_RPC;
const OrderId = z.object({ orderId: z.uuid() });

/**
 * `rpc.orders.<name>` handlers, one per name in `ORDERS_RPC`; inputs are parsed again here, the service
 * does not trust the wire. Health and replay come with runEventSourcedService.
 */
@Controller()
export class OrdersController {
  constructor(@Inject(ORDERS) private readonly orders: Orders) {}

  @MessagePattern(rpc(RPC.placeOrder))
  placeOrder(@Payload() { input, context }: RpcRequest) {
    return placeOrder(this.orders, parseWith(contracts.PlaceOrderInput, input), context);
  }

  @MessagePattern(rpc(RPC.getOrder))
  getOrder(@Payload() { input }: RpcRequest) {
    return getOrder(this.orders.store.pool, this.orders.schema, parseWith(OrderId, input).orderId);
  }

  @MessagePattern(rpc(RPC.countOrders))
  countOrders(@Payload() { input }: RpcRequest) {
    const { status } = parseWith(contracts.CountOrdersInput, input);
    return countOrders(this.orders.store.pool, this.orders.schema, status);
  }

  @MessagePattern(rpc(RPC.listOrders))
  listOrders(@Payload() { input }: RpcRequest) {
    return listOrders(
      this.orders.store.pool,
      this.orders.schema,
      parseWith(contracts.ListOrdersQuery, input),
    );
  }

  @MessagePattern(rpc(RPC.cancelOrder))
  cancelOrder(@Payload() { input, context }: RpcRequest) {
    const { orderId, body } = parseWith(OrderId.extend({ body: contracts.CancelOrderInput }), input);
    return cancelOrder(this.orders, orderId, body.reason, context);
  }

  @MessagePattern(rpc(RPC.shipOrder))
  shipOrder(@Payload() { input, context }: RpcRequest) {
    return shipOrder(this.orders, parseWith(OrderId, input).orderId, context);
  }
}
