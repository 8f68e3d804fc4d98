import { Module, type DynamicModule } from '@nestjs/common';
import { SchedulingController, SCHEDULING } from './api/scheduling.controller.js';
import type { Scheduling } from './application/context.js';

@Module({})
export class SchedulingModule {
  static with(scheduling: Scheduling): DynamicModule {
    return {
      module: SchedulingModule,
      controllers: [SchedulingController],
      providers: [{ provide: SCHEDULING, useValue: scheduling }],
    };
  }
}
