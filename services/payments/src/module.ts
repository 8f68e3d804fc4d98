import { Module, type DynamicModule } from '@nestjs/common';
import { PaymentsController, PAYMENTS } from './api/payments.controller.js';
import type { Payments } from './application/payments.js';

@Module({})
export class PaymentsModule {
  static with(payments: Payments): DynamicModule {
    return {
      module: PaymentsModule,
      controllers: [PaymentsController],
      providers: [{ provide: PAYMENTS, useValue: payments }],
    };
  }
}
