import { Module, type DynamicModule } from '@nestjs/common';
import { NotificationController, NOTIFICATION } from './api/notification.controller.js';
import type { NotificationService } from './application/context.js';

@Module({})
export class NotificationModule {
  static with(service: NotificationService): DynamicModule {
    return {
      module: NotificationModule,
      controllers: [NotificationController],
      providers: [{ provide: NOTIFICATION, useValue: service }],
    };
  }
}
