import { Module, type DynamicModule } from '@nestjs/common';
import { InventoryController, INVENTORY } from './api/inventory.controller.js';
import type { NatsConnection } from '@nats-io/nats-core';
import { NATS, OpsController } from './api/ops.controller.js';
import type { Inventory } from './application/context.js';

@Module({})
export class InventoryModule {
  static with(inventory: Inventory, nats: NatsConnection): DynamicModule {
    return {
      module: InventoryModule,
      controllers: [InventoryController, OpsController],
      providers: [
        { provide: INVENTORY, useValue: inventory },
        { provide: NATS, useValue: nats },
      ],
    };
  }
}
