import { ConflictError } from '@omni/contracts';

/**
 * An append found its stream at another version than the one the command decided on. The stream id
 * and versions stay on the error for logs; the message is what a client may read, so it names the
 * resource in the client's words ("The product changed …"), never the stream.
 */
export class ConcurrencyError extends ConflictError {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | undefined,
    options: { cause?: unknown } = {},
  ) {
    super(
      'version_conflict',
      `The ${resourceOf(streamId)} changed while this request was being handled; read it again and retry`,
      options,
    );
  }
}

/** `product-0193…` → `product`: streams are named `<aggregate>-<id>`; anything else is "resource". */
export function resourceOf(streamId: string): string {
  return streamId.match(/^([a-z]+)-/)?.[1] ?? 'resource';
}
