import { Module, type DynamicModule } from '@nestjs/common';
import { AnalyticsController, ANALYTICS } from './api/analytics.controller.js';
import type { Analytics } from './application/context.js';

@Module({})
export class AnalyticsModule {
  static with(analytics: Analytics): DynamicModule {
    return {
      module: AnalyticsModule,
      controllers: [AnalyticsController],
      providers: [{ provide: ANALYTICS, useValue: analytics }],
    };
  }
}
