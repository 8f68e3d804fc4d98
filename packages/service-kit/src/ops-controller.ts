import { Controller, Inject, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { NatsConnection } from '@nats-io/nats-core';
import {
  HEALTH_RPC,
  REPLAY_RPC,
  parseWith,
  rpcSubject,
  type HealthReply,
  type Logger,
  type RpcRequest,
} from '@omni/contracts';
import type { EventStore } from '@omni/event-store';
import { replayProjections, type ServiceProjections } from '@omni/projections';
import { z } from 'zod';

export interface OpsDependencies {
  readonly service: string;
  readonly store: EventStore;
  readonly nats: NatsConnection;
  readonly logger: Logger;
  readonly projections: ServiceProjections;
  /** The relay of this process, when it leads: its lag is part of the health reply. */
  readonly relay?: { readonly isLeader: boolean; lag(): { events: number; ms: number } };
}

export const OPS = Symbol('OpsDependencies');

const ReplayInput = z.object({
  projection: z.string().min(1).optional(),
  dryRun: z.boolean().optional(),
  progressSubject: z.string().startsWith('_INBOX.').optional(),
});

/**
 * `rpc.<service>.health` and `rpc.<service>.replay`, the same for every service: the gateway's
 * readiness check, and `omni replay <service>` rebuilding every read model the service declared
 * while it keeps serving. A class per service because the subjects are part of the decorators.
 */
export function opsControllerFor(service: string): Type {
  @Controller()
  class OpsController {
    constructor(@Inject(OPS) private readonly ops: OpsDependencies) {}

    @MessagePattern(rpcSubject(service, HEALTH_RPC))
    health(): HealthReply {
      const relay = this.ops.relay;
      if (!relay?.isLeader) return { status: 'up', service };
      const { events, ms } = relay.lag();
      return { status: 'up', service, relayLag: { events, seconds: ms / 1000 } };
    }

    @MessagePattern(rpcSubject(service, REPLAY_RPC))
    replay(@Payload() { input }: RpcRequest) {
      const { progressSubject, ...request } = parseWith(ReplayInput, input);
      const { store, nats, logger, projections } = this.ops;
      return replayProjections({ store, nats, logger }, projections, request, (progress) => {
        if (progressSubject) nats.publish(progressSubject, JSON.stringify(progress));
      });
    }
  }
  return OpsController;
}
