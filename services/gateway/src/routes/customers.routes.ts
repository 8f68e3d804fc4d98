import { orders } from '@omni/contracts';
import type { RpcClient } from '@omni/messaging';
import { z } from 'zod';
import { defineRoute, type RouteCall, type RouteSpec } from '../http/route.js';
import { forwarderTo } from './forward.js';

const RPC = orders.ORDERS_RPC;
const CustomerPath = z.object({ customerId: z.uuid() });
const tag = 'customers';

/** CONTRACT §5, customers (kept by the orders service). Each route forwards to `rpc.orders.<name>`. */
export function customersRoutes(rpc: RpcClient): RouteSpec[] {
  const forward = forwarderTo(rpc, 'orders');
  return [
    defineRoute({
      operationId: 'registerCustomer',
      method: 'post',
      path: '/customers',
      tag,
      summary: 'Register a customer, optionally with a credit limit',
      description:
        'Registers a customer whom orders can name by `customerId`. With `creditLimit`, an order whose total ' +
        "would take the customer's `balance` above it is refused (422 `credit_limit_exceeded`); the limit's " +
        "currency is the currency of the customer's account.",
      access: 'customers.manage',
      body: orders.RegisterCustomerInput,
      response: orders.Customer,
      status: 201,
      idempotent: true,
      handle: forward(RPC.registerCustomer, ({ body }) => body),
    }),
    defineRoute({
      operationId: 'listCustomers',
      method: 'get',
      path: '/customers',
      tag,
      summary: 'List customers, optionally matching q (name, e-mail or phone)',
      description:
        'Customers in the order they were registered, a page at a time: pass `nextCursor` back as `cursor` ' +
        'until it is null. `q` matches a substring of the name, e-mail or phone, in any case.',
      access: 'customers.read',
      query: orders.ListCustomersQuery,
      response: orders.CustomerPage,
      status: 200,
      handle: forward(RPC.listCustomers, ({ query }) => query),
    }),
    defineRoute({
      operationId: 'getCustomer',
      method: 'get',
      path: '/customers/:customerId',
      tag,
      summary: 'A customer with its balance and credit limit',
      description:
        'The customer with `balance`: the total of its orders placed and neither cancelled nor rejected, minus ' +
        'what was paid on them. It moves with its own orders at once, and with payments as soon as orders has ' +
        'their events (normally milliseconds). The `ETag` header is its version, for `If-Match` on PATCH. An ' +
        'unknown id is 404.',
      access: 'customers.read',
      params: CustomerPath,
      response: orders.Customer,
      status: 200,
      handle: forward(RPC.getCustomer, ({ params }) => params),
    }),
    defineRoute({
      operationId: 'updateCustomer',
      method: 'patch',
      path: '/customers/:customerId',
      tag,
      summary: "Change a customer's name, e-mail, phone or credit limit",
      description:
        'Fields left out keep their value; null clears `email`, `phone` or `creditLimit` (no limit). A lower limit ' +
        "refuses only later orders. A limit in another currency than the account's, once it has orders, is 422 " +
        '`currency_mismatch`. With `If-Match`, a customer changed since you read it (its balance included) is 412.',
      access: 'customers.manage',
      params: CustomerPath,
      body: orders.UpdateCustomerInput,
      response: orders.Customer,
      status: 200,
      ifMatch: true,
      refusals: [{ status: 422, code: 'currency_mismatch' }],
      handle: forward(
        RPC.updateCustomer,
        ({ params, body }: RouteCall<{ customerId: string }, undefined, orders.UpdateCustomerInput>) => ({
          ...params,
          body,
        }),
      ),
    }),
  ];
}
