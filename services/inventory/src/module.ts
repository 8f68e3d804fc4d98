import { Module, type DynamicModule } from '@nestjs/common';
import { InventoryController, INVENTORY } from './api/inventory.controller.js';
import type { Inventory } from './application/context.js';

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
