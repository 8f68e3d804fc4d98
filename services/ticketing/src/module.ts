import { Module, type DynamicModule } from '@nestjs/common';
import { TicketingController, TICKETING } from './api/ticketing.controller.js';
import type { Ticketing } from './application/context.js';

@Module({})
export class TicketingModule {
  static with(ticketing: Ticketing): DynamicModule {
    return {
      module: TicketingModule,
      controllers: [TicketingController],
      providers: [{ provide: TICKETING, useValue: ticketing }],
    };
  }
}
