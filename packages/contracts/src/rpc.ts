import { z } from 'zod';

/**
 * Gateway → service requests on `rpc.<service>.<name>` (ARCHITECTURE §5). The gateway has already
 * authenticated and authorised the caller; the service trusts `actor` and uses it for audit only.
 * Trace context travels in NATS headers, not here.
 */
export const ROLES = ['admin', 'manager', 'clerk', 'sales', 'accountant', 'staff', 'vendor'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export interface Actor {
  readonly userId: string;
  readonly roles: readonly Role[];
  /** A `vendor` user's vendor: inventory shows and changes only that vendor's products. */
  readonly vendorId?: string;
  /** The sign-in (refresh-token family) the access token belongs to; the gateway's own business. */
  readonly sessionId?: string;
}

export interface RpcContext {
  readonly actor?: Actor;
  /** Id of the originating request; becomes the events' correlation id. */
  readonly correlationId: string;
  /** From `If-Match`: the command is refused with 412 unless the aggregate is at this version. */
  readonly expectedVersion?: number;
  /**
   * From `Idempotency-Key`, scoped to the caller. The service records it with the command's events,
   * so a retry whose first answer was lost (a timeout, a crash after the commit) has no second effect.
   */
  readonly idempotencyKey?: string;
}

export interface RpcRequest<Input = unknown> {
  readonly input: Input;
  readonly context: RpcContext;
}

/** Every service answers `rpc.<service>.health` with this. */
export interface HealthReply {
  readonly status: 'up';
  readonly service: string;
  /**
   * The relay's lag when the replica that answered leads the relay (other replicas do not know it):
   * committed events not yet published and the age of the oldest. Read by the operations dashboard.
   */
  readonly relayLag?: { readonly events: number; readonly seconds: number };
}

export const HEALTH_RPC = 'health';

/** Ask every service for its health: the gateway's readiness check and ops tooling use this. */
export type ServiceHealth = Readonly<Record<string, 'up' | 'down'>>;

/** Every service with read models answers `rpc.<service>.replay` (the `omni replay` command). */
export const REPLAY_RPC = 'replay';

export interface ReplayInput {
  readonly projection?: string;
  readonly dryRun?: boolean;
  /** Core NATS subject the service publishes `{ projection, events, total }` progress to. */
  readonly progressSubject?: string;
}
