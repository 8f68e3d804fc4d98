import { ForbiddenError, ValidationError } from '@omni/contracts';
import { z } from 'zod';
import { kindOf, mayWrite } from '../collaboration/resources.js';
import type { Locks } from '../collaboration/locks.js';
import { defineRoute, type RouteSpec } from '../http/route.js';

const Lock = z
  .object({
    id: z
      .string()
      .describe('Opaque: send it back to renew or release. It names the resource, then 128 random bits'),
    resource: z.string(),
    holder: z.object({ id: z.string(), name: z.string() }),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'Lock' });
/** Any string: one that names no lock held now, whatever its shape, is 404 lock_not_found. */
const LockPath = z.object({ lockId: z.string().describe('The `id` POST /locks answered') });
const AcquireLockInput = z
  .object({
    resource: z.string().min(1).max(200).describe('`<service>/<aggregate>/<id>`, e.g. `orders/order/0190…`'),
  })
  .meta({ id: 'AcquireLockInput' });

/**
 * Locks on resources (docs/collaboration.md). Anyone who may write a resource may lock it; the
 * route pipeline then refuses everyone else's writes to it with 423.
 */
export function locksRoutes(locks: Locks, writeRoutes: readonly RouteSpec[]): RouteSpec[] {
  return [
    defineRoute({
      operationId: 'acquireLock',
      method: 'post',
      path: '/locks',
      tag: 'collaboration',
      summary: 'Lock a resource for 30 s, renewable',
      description:
        'Takes the lock on `<service>/<aggregate>/<id>` (e.g. `orders/order/<id>`) for 30 s. While it is held, ' +
        "every other user's write to the resource is refused with 423 resource_locked, on every gateway replica. " +
        'Another holder: 409 locked, with `holder` and `expiresAt`; asking again for your own lock renews it. ' +
        'Anyone who may write the resource may lock it (403 otherwise). See docs/collaboration.md.',
      access: 'self',
      body: AcquireLockInput,
      response: Lock,
      status: 201,
      refusals: [{ status: 409, code: 'locked' }],
      handle: async (call) => {
        const { resource } = call.body;
        const kind = kindOf(resource);
        if (!kind) {
          const message =
            'must be <service>/<aggregate>/<id> of a resource the API writes, e.g. orders/order/<id>';
          throw new ValidationError('The resource cannot be locked', [{ path: 'resource', message }]);
        }
        if (!mayWrite(call.actor!, kind, writeRoutes)) {
          throw new ForbiddenError(`Your role may not write ${kind} resources, so it may not lock them`);
        }
        return locks.acquire(resource, call.actor!.userId);
      },
    }),
    defineRoute({
      operationId: 'renewLock',
      method: 'post',
      path: '/locks/:lockId/renew',
      tag: 'collaboration',
      summary: 'Renew a lock you hold',
      description:
        'Another 30 s from now, judged by the NATS server. Only the holder may renew (403); a lock that ' +
        'expired or was released is 404 lock_not_found: take it again with POST /locks.',
      access: 'self',
      params: LockPath,
      response: Lock,
      status: 200,
      handle: ({ params, actor }) => locks.renew(params.lockId, actor!.userId),
    }),
    defineRoute({
      operationId: 'releaseLock',
      method: 'delete',
      path: '/locks/:lockId',
      tag: 'collaboration',
      summary: 'Release a lock you hold',
      description: 'Others may write the resource again at once. Only the holder may release it (403).',
      access: 'self',
      params: LockPath,
      status: 204,
      handle: ({ params, actor }) => locks.release(params.lockId, actor!.userId),
    }),
  ];
}
