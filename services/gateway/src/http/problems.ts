import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import {
  InternalError,
  NotFoundError,
  OmniError,
  PROBLEM_CONTENT_TYPE,
  RateLimitedError,
  ValidationError,
  toProblem,
  type Logger,
} from '@omni/contracts';
import type { NextFunction, Request, Response } from 'express';
import type { Duplex } from 'node:stream';
import { traceIdOf } from './trace-id.js';

/** Every error leaves the gateway as RFC 9457 problem+json with the trace id; nothing internal leaks. */
export function sendProblem(res: Response, error: OmniError): void {
  const problem = toProblem(error, traceIdOf(res));
  if (error instanceof RateLimitedError && typeof error.details?.['retryAfterSeconds'] === 'number') {
    res.setHeader('Retry-After', String(error.details['retryAfterSeconds']));
  }
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

/**
 * The same problem+json on a raw socket, for a refused upgrade: no Express response exists there,
 * so the status line and headers are written by hand and the connection closed.
 */
export function endWithProblem(socket: Duplex, error: OmniError): void {
  const problem = toProblem(error);
  const body = JSON.stringify(problem);
  const head = [
    `HTTP/1.1 ${problem.status} ${problem.title}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

/** Maps what Nest, Express or a handler threw onto our error hierarchy. */
export function asOmniError(error: unknown): OmniError {
  if (error instanceof OmniError) return error;
  if (error instanceof HttpException) return fromHttpStatus(error.getStatus(), error.message, error);
  const status = (error as { status?: unknown; type?: unknown }).status;
  if ((error as { type?: unknown }).type === 'entity.parse.failed') {
    return new ValidationError(
      'The request body is not valid JSON',
      [{ path: '(body)', message: 'malformed JSON' }],
      {
        cause: error,
      },
    );
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return fromHttpStatus(status, (error as Error).message, error);
  }
  return new InternalError('Internal error', { cause: error });
}

function fromHttpStatus(status: number, message: string, cause: unknown): OmniError {
  if (status === 404) return new NotFoundError('No such route', 'route_not_found', { cause });
  if (status >= 500) return new InternalError('Internal error', { cause });
  return new ValidationError(message, [{ path: '(request)', message }], { cause });
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const omniError = asOmniError(error);
    if (omniError.status >= 500) this.logger.error({ err: error }, 'request failed');
    if (!res.headersSent) sendProblem(res, omniError);
  }
}

/** Express error middleware for what fails before Nest's router (e.g. the JSON body parser). */
export function problemMiddleware(logger: Logger) {
  return (error: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const omniError = asOmniError(error);
    if (omniError.status >= 500) logger.error({ err: error }, 'request failed');
    if (!res.headersSent) sendProblem(res, omniError);
  };
}
