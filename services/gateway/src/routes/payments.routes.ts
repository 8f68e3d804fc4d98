import { payments } from '@omni/contracts';
import type { RpcClient } from '@omni/messaging';
import { z } from 'zod';
import { defineRoute, type RouteCall, type RouteSpec } from '../http/route.js';

const RPC = payments.PAYMENTS_RPC;
const PaymentPath = z.object({ paymentId: z.uuid() });

/** CONTRACT §5, payments. Each route forwards its validated input to `rpc.payments.<name>`. */
export function paymentsRoutes(rpc: RpcClient): RouteSpec[] {
  const forward =
    <C extends RouteCall>(name: string, input: (call: C) => unknown) =>
    (call: C) =>
      rpc.call('payments', name, { input: input(call), context: call.context });
  return [
    defineRoute({
      operationId: 'recordPayment',
      method: 'post',
      path: '/payments',
      tag: 'payments',
      summary: 'Record a payment against an order awaiting payment',
      access: 'payments.manage',
      body: payments.RecordPaymentInput,
      response: payments.Payment,
      status: 201,
      idempotent: true,
      refusals: [
        { status: 422, code: 'order_not_awaiting_payment' },
        { status: 422, code: 'currency_mismatch' },
        { status: 422, code: 'overpayment' },
      ],
      handle: forward(RPC.recordPayment, ({ body }) => body),
    }),
    defineRoute({
      operationId: 'refundPayment',
      method: 'post',
      path: '/payments/:paymentId/refunds',
      tag: 'payments',
      summary: 'Refund (part of) a payment',
      access: 'payments.manage',
      params: PaymentPath,
      body: payments.RefundInput,
      response: payments.Payment,
      status: 201,
      idempotent: true,
      refusals: [{ status: 422, code: 'refund_exceeds_payment' }],
      handle: forward(
        RPC.refundPayment,
        ({ params, body }: RouteCall<{ paymentId: string }, undefined, payments.RefundInput>) => ({
          ...params,
          body,
        }),
      ),
    }),
    defineRoute({
      operationId: 'listPayments',
      method: 'get',
      path: '/payments',
      tag: 'payments',
      summary: 'List payments, optionally of one order',
      access: 'payments.manage',
      query: payments.ListPaymentsQuery,
      response: payments.PaymentPage,
      status: 200,
      handle: forward(RPC.listPayments, ({ query }) => query),
    }),
    defineRoute({
      operationId: 'getPayment',
      method: 'get',
      path: '/payments/:paymentId',
      tag: 'payments',
      summary: 'A payment with its refunds',
      access: 'payments.manage',
      params: PaymentPath,
      response: payments.Payment,
      status: 200,
      handle: forward(RPC.getPayment, ({ params }) => params),
    }),
  ];
}
