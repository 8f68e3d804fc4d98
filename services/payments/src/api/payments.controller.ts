import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseWith, rpcSubject, type RpcRequest, payments as contracts } from '@omni/contracts';
import { z } from 'zod';
import { metadataFrom, recordPayment, refundPayment, type Payments } from '../application/payments.js';
import { getPayment, listPayments } from '../projections/paymentList/query.js';

export const PAYMENTS = Symbol('Payments');
const rpc = (name: string) => rpcSubject('payments', name);
const RPC = contracts.PAYMENTS_RPC;
const PaymentId = z.object({ paymentId: z.uuid() });

// Request schemas are built once, here: zod compiles an object schema on its first parse, so one
// built per request (`.extend` in the handler) cost more than the parse itself.
const RefundRequest = PaymentId.extend({ body: contracts.RefundInput });

/**
 * `rpc.payments.<name>` handlers, one per name in `PAYMENTS_RPC`; inputs are parsed again here, the
 * service does not trust the wire. Health and replay come with runEventSourcedService.
 */
@Controller()
export class PaymentsController {
  constructor(@Inject(PAYMENTS) private readonly payments: Payments) {}

  @MessagePattern(rpc(RPC.recordPayment))
  recordPayment(@Payload() { input, context }: RpcRequest) {
    return recordPayment(this.payments, parseWith(contracts.RecordPaymentInput, input), context);
  }

  @MessagePattern(rpc(RPC.refundPayment))
  refundPayment(@Payload() { input, context }: RpcRequest) {
    const { paymentId, body } = parseWith(RefundRequest, input);
    return refundPayment(this.payments, paymentId, body, metadataFrom(context), context.idempotencyKey);
  }

  @MessagePattern(rpc(RPC.getPayment))
  getPayment(@Payload() { input }: RpcRequest) {
    return getPayment(this.payments.store.pool, this.payments.schema, parseWith(PaymentId, input).paymentId);
  }

  @MessagePattern(rpc(RPC.listPayments))
  listPayments(@Payload() { input }: RpcRequest) {
    return listPayments(
      this.payments.store.pool,
      this.payments.schema,
      parseWith(contracts.ListPaymentsQuery, input),
    );
  }
}
