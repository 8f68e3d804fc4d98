import { ConflictError } from '@omni/contracts';

/** An append found its stream at another version than the one the command decided on. */
export class ConcurrencyError extends ConflictError {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | undefined,
    options: { cause?: unknown } = {},
  ) {
    super(
      'version_conflict',
      `Stream ${streamId} changed concurrently (expected version ${expectedVersion}${
        actualVersion === undefined ? '' : `, found ${actualVersion}`
      })`,
      options,
    );
  }
}
