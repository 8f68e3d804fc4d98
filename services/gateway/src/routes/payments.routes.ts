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
      description:
        'Records money received for an order; when payments cover the total the order becomes `paid`. Refused with ' +
        '422 and nothing recorded when the order is not awaiting payment (`order_not_awaiting_payment`), the currency ' +
        'is not the order’s (`currency_mismatch`), the amount is not positive (`invalid_amount`) or it would pay more ' +
        'than is due (`overpayment`). Send an Idempotency-Key so a retried payment is recorded once.',
      access: 'payments.manage',
      body: payments.RecordPaymentInput,
      response: payments.Payment,
      status: 201,
      idempotent: true,
      refusals: [
        { status: 422, code: 'order_not_awaiting_payment' },
        { status: 422, code: 'currency_mismatch' },
        { status: 422, code: 'overpayment' },
        { status: 422, code: 'invalid_amount' },
      ],
      handle: forward(RPC.recordPayment, ({ body }) => body),
    }),
    defineRoute({
      operationId: 'refundPayment',
      method: 'post',
      path: '/payments/:paymentId/refunds',
      tag: 'payments',
      summary: 'Refund (part of) a payment',
      description:
        'Gives back all or part of a payment, with a reason; several partial refunds may follow each other. More ' +
        'than is left to refund on the payment is 422 `refund_exceeds_payment`. Answers the payment with its refunds.',
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
      description: 'Payments, a page at a time; `orderId` keeps only the payments of one order.',
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
      description:
        'One payment with its amount, method, status and every refund made on it. An unknown id is 404.',
      access: 'payments.manage',
      params: PaymentPath,
      response: payments.Payment,
      status: 200,
      handle: forward(RPC.getPayment, ({ params }) => params),
    }),
  ];
}
