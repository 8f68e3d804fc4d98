import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  HEALTH_RPC,
  parseWith,
  rpcSubject,
  type HealthReply,
  type RpcRequest,
  payments as contracts,
} from '@omni/contracts';
import { z } from 'zod';
import { metadataFrom, recordPayment, refundPayment, type Payments } from '../application/payments.js';
import { getPayment, listPayments } from '../projections/paymentList/query.js';

export const PAYMENTS = Symbol('Payments');
const rpc = (name: string) => rpcSubject('payments', name);
const RPC = contracts.PAYMENTS_RPC;
const PaymentId = z.object({ paymentId: z.uuid() });

/** `rpc.payments.<name>` handlers; inputs are parsed again here, the service does not trust the wire. */
@Controller()
export class PaymentsController {
  constructor(@Inject(PAYMENTS) private readonly payments: Payments) {}

  @MessagePattern(rpc(HEALTH_RPC))
  health(): HealthReply {
    return { status: 'up', service: 'payments' };
  }

  @MessagePattern(rpc(RPC.recordPayment))
  record(@Payload() { input, context }: RpcRequest) {
    return recordPayment(this.payments, parseWith(contracts.RecordPaymentInput, input), context);
  }

  @MessagePattern(rpc(RPC.refundPayment))
  refund(@Payload() { input, context }: RpcRequest) {
    const { paymentId, body } = parseWith(PaymentId.extend({ body: contracts.RefundInput }), input);
    return refundPayment(this.payments, paymentId, body, metadataFrom(context), context.idempotencyKey);
  }

  @MessagePattern(rpc(RPC.getPayment))
  get(@Payload() { input }: RpcRequest) {
    return getPayment(this.payments.store.pool, this.payments.schema, parseWith(PaymentId, input).paymentId);
  }

  @MessagePattern(rpc(RPC.listPayments))
  list(@Payload() { input }: RpcRequest) {
    return listPayments(
      this.payments.store.pool,
      this.payments.schema,
      parseWith(contracts.ListPaymentsQuery, input),
    );
  }
}
