import {
  ForbiddenError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
  type Actor,
  type OmniError,
} from '@omni/contracts';
import type { NextFunction, Request, Response } from 'express';
import { sendProblem } from '../http/problems.js';
import {
  EventSubscription,
  isRefusal,
  requestSubscription,
  type SubscriptionEngine,
  type SubscriptionRefusal,
} from './subscription.js';

export const EVENTS_PATH = '/api/v1/events';

export interface EventStreamOptions {
  readonly engine: SubscriptionEngine;
  readonly authenticate: (token: string) => Promise<Actor>;
  readonly keepaliveMs: number;
}

/**
 * `GET /api/v1/events` (docs/realtime.md): Server-Sent Events for clients without WebSocket. One
 * subscription per request, through the same engine as a WebSocket subscription; `id:` is the
 * stream sequence, so a reconnect's `Last-Event-ID` resumes exactly after the last event seen.
 */
export function eventStreamHandler(options: EventStreamOptions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    // CORS (preflights included) is the gateway-wide middleware's, which runs before this.
    if ((req.path !== '/' && req.path !== '') || req.method !== 'GET') return next();
    void serve(req, res, options).catch((error: unknown) => next(error));
  };
}

async function serve(req: Request, res: Response, options: EventStreamOptions): Promise<void> {
  const actor = await authenticate(req, options);
  if (!actor) return;
  const since = sinceOf(req);
  const request = requestSubscription(actor, req.query['subject'], since);
  if (isRefusal(request)) return sendProblem(res, asProblem(request));

  let keepalive: NodeJS.Timeout | undefined;
  const subscription = new EventSubscription(request, options.engine, {
    subscribed: (_stream, head) => {
      res.status(200);
      res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache, no-transform');
      res.setHeader('X-Accel-Buffering', 'no'); // proxies must not hold events back
      res.flushHeaders();
      // An `id:` without data moves the client's Last-Event-ID to where this stream starts, so a
      // reconnect before the first event still resumes without a gap.
      res.write(`: subscribed\nid: ${request.since ?? head}\n\n`);
      keepalive = setInterval(() => res.write(': keepalive\n\n'), options.keepaliveMs);
    },
    event: (message) =>
      res.write(
        `id: ${message.seq}\nevent: ${message.event.type}\ndata: ${JSON.stringify(message.event)}\n\n`,
      ),
    bufferedBytes: () => res.writableLength,
    // The client reconnects with Last-Event-ID: cutting it off bounds what one reader costs.
    overflow: () => res.destroy(),
  });
  res.on('close', () => {
    clearInterval(keepalive);
    subscription.close();
  });
  const refusal = await subscription.start();
  if (refusal && !res.headersSent) sendProblem(res, asProblem(refusal));
}

async function authenticate(req: Request, options: EventStreamOptions): Promise<Actor | undefined> {
  const header = req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const query = req.query['access_token'];
  const token = header ?? (typeof query === 'string' ? query : undefined);
  try {
    if (!token)
      throw new UnauthorizedError('Send an access token: Authorization: Bearer <token> or ?access_token=');
    return await options.authenticate(token);
  } catch (error) {
    sendProblem(
      req.res!,
      error instanceof UnauthorizedError ? error : new UnauthorizedError('A valid access token is required'),
    );
    return undefined;
  }
}

/** `Last-Event-ID` (what EventSource sends on reconnect) wins over `?since=`; garbage is refused. */
function sinceOf(req: Request): unknown {
  const raw = req.header('last-event-id') ?? req.query['since'];
  if (raw === undefined) return undefined;
  return typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw;
}

function asProblem(refusal: SubscriptionRefusal): OmniError {
  if (refusal.code === 'forbidden') return new ForbiddenError(refusal.message);
  if (refusal.code === 'not_found') return new NotFoundError(refusal.message);
  return new ValidationError(refusal.message, [{ path: 'subject', message: refusal.message }]);
}
