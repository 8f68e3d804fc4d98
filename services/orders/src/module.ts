import { Module, type DynamicModule } from '@nestjs/common';
import { OrdersController, ORDERS } from './api/orders.controller.js';
import type { Orders } from './application/orders.js';

@Module({})
export class OrdersModule {
  static with(orders: Orders): DynamicModule {
    return {
      module: OrdersModule,
      controllers: [OrdersController],
      providers: [{ provide: ORDERS, useValue: orders }],
    };
  }
}
