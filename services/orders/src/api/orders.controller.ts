import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseWith, rpcSubject, type RpcRequest, orders as contracts } from '@omni/contracts';
import { z } from 'zod';
import { registerCustomer, updateCustomer } from '../application/customers.js';
import { cancelOrder, placeOrder, shipOrder, updateOrder, type Orders } from '../application/orders.js';
import { getCustomer, listCustomers } from '../projections/customerList/query.js';
import { countOrders, getOrder, listOrders } from '../projections/orderDetails/query.js';

export const ORDERS = Symbol('Orders');
const rpc = (name: string) => rpcSubject('orders', name);
const RPC = contracts.ORDERS_RPC;
const OrderId = z.object({ orderId: z.uuid() });
const CustomerId = z.object({ customerId: z.uuid() });

// Request schemas are built once, here: zod compiles an object schema on its first parse, so one
// built per request (`.extend` in the handler) cost more than the parse itself.
const CancelOrderRequest = OrderId.extend({ body: contracts.CancelOrderInput });
const UpdateOrderRequest = OrderId.extend({ body: contracts.UpdateOrderInput });
const UpdateCustomerRequest = CustomerId.extend({ body: contracts.UpdateCustomerInput });

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
    const { orderId, body } = parseWith(CancelOrderRequest, input);
    return cancelOrder(this.orders, orderId, body.reason, context);
  }

  @MessagePattern(rpc(RPC.shipOrder))
  shipOrder(@Payload() { input, context }: RpcRequest) {
    return shipOrder(this.orders, parseWith(OrderId, input).orderId, context);
  }

  @MessagePattern(rpc(RPC.updateOrder))
  updateOrder(@Payload() { input, context }: RpcRequest) {
    const { orderId, body } = parseWith(UpdateOrderRequest, input);
    return updateOrder(this.orders, orderId, body, context);
  }

  @MessagePattern(rpc(RPC.registerCustomer))
  registerCustomer(@Payload() { input, context }: RpcRequest) {
    return registerCustomer(this.orders, parseWith(contracts.RegisterCustomerInput, input), context);
  }

  @MessagePattern(rpc(RPC.getCustomer))
  getCustomer(@Payload() { input }: RpcRequest) {
    return getCustomer(this.orders.store.pool, this.orders.schema, parseWith(CustomerId, input).customerId);
  }

  @MessagePattern(rpc(RPC.listCustomers))
  listCustomers(@Payload() { input }: RpcRequest) {
    return listCustomers(
      this.orders.store.pool,
      this.orders.schema,
      parseWith(contracts.ListCustomersQuery, input),
    );
  }

  @MessagePattern(rpc(RPC.updateCustomer))
  updateCustomer(@Payload() { input, context }: RpcRequest) {
    const { customerId, body } = parseWith(UpdateCustomerRequest, input);
    return updateCustomer(this.orders, customerId, body, context);
  }
}
