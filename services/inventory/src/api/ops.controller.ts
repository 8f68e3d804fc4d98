import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { NatsConnection } from '@nats-io/nats-core';
import { REPLAY_RPC, parseWith, rpcSubject, type RpcRequest } from '@omni/contracts';
import { replayProjections } from '@omni/projections';
import { z } from 'zod';
import { INVENTORY_PROJECTIONS, type Inventory } from '../application/context.js';
import { INVENTORY } from './inventory.controller.js';

export const NATS = Symbol('NatsConnection');

const ReplayInput = z.object({
  projection: z.string().min(1).optional(),
  dryRun: z.boolean().optional(),
  progressSubject: z.string().startsWith('_INBOX.').optional(),
});

/** Operations on the service itself: `omni replay inventory` rebuilds its read models while it serves. */
@Controller()
export class OpsController {
  constructor(
    @Inject(INVENTORY) private readonly inventory: Inventory,
    @Inject(NATS) private readonly nats: NatsConnection,
  ) {}

  @MessagePattern(rpcSubject('inventory', REPLAY_RPC))
  replay(@Payload() { input }: RpcRequest) {
    const request = parseWith(ReplayInput, input);
    const progressSubject = request.progressSubject;
    return replayProjections(this.inventory.store, INVENTORY_PROJECTIONS, request, (progress) => {
      if (progressSubject) this.nats.publish(progressSubject, JSON.stringify(progress));
    });
  }
}
