import { Module, type DynamicModule } from '@nestjs/common';
import { INVENTORY, InventoryController } from './api/inventory.controller.js';
import type { Inventory } from './application/context.js';

/** Inventory's RPC handlers; health and replay come with runEventSourcedService. */
@Module({})
export class InventoryModule {
  static with(inventory: Inventory): DynamicModule {
    return {
      module: InventoryModule,
      controllers: [InventoryController],
      providers: [{ provide: INVENTORY, useValue: inventory }],
    };
  }
}
