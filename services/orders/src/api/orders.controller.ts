import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  HEALTH_RPC,
  parseWith,
  rpcSubject,
  type HealthReply,
  type RpcRequest,
  orders as contracts,
} from '@omni/contracts';
import { z } from 'zod';
import { cancelOrder, placeOrder, shipOrder, type Orders } from '../application/orders.js';
import { getOrder, listOrders } from '../projections/orderDetails/query.js';

export const ORDERS = Symbol('Orders');
const rpc = (name: string) => rpcSubject('orders', name);
const RPC = contracts.ORDERS_RPC;
const OrderId = z.object({ orderId: z.uuid() });

/** `rpc.orders.<name>` handlers; inputs are parsed again here, the service does not trust the wire. */
@Controller()
export class OrdersController {
  constructor(@Inject(ORDERS) private readonly orders: Orders) {}

  @MessagePattern(rpc(HEALTH_RPC))
  health(): HealthReply {
    return { status: 'up', service: 'orders' };
  }

  @MessagePattern(rpc(RPC.placeOrder))
  place(@Payload() { input, context }: RpcRequest) {
    return placeOrder(this.orders, parseWith(contracts.PlaceOrderInput, input), context);
  }

  @MessagePattern(rpc(RPC.getOrder))
  get(@Payload() { input }: RpcRequest) {
    return getOrder(this.orders.store.pool, this.orders.schema, parseWith(OrderId, input).orderId);
  }

  @MessagePattern(rpc(RPC.listOrders))
  list(@Payload() { input }: RpcRequest) {
    return listOrders(
      this.orders.store.pool,
      this.orders.schema,
      parseWith(contracts.ListOrdersQuery, input),
    );
  }

  @MessagePattern(rpc(RPC.cancelOrder))
  cancel(@Payload() { input, context }: RpcRequest) {
    const { orderId, body } = parseWith(OrderId.extend({ body: contracts.CancelOrderInput }), input);
    return cancelOrder(this.orders, orderId, body.reason, context);
  }

  @MessagePattern(rpc(RPC.shipOrder))
  ship(@Payload() { input, context }: RpcRequest) {
    return shipOrder(this.orders, parseWith(OrderId, input).orderId, context);
  }
}
