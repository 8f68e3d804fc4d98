import { BusinessRuleError, ConflictError, ValidationError } from '@omni/contracts';
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * A response as sent: `body` is the serialised JSON text (undefined for 204). Keeping the text, not
 * the value, is what lets a replay be the first answer byte for byte: a `jsonb` round trip reorders
 * object keys and normalises numbers.
 */
export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

const RETENTION = '24 hours';

/**
 * `Idempotency-Key` (CONTRACT §2): the first response to a key is stored with a hash of its request;
 * a repeat with the same request gets that response again without a second effect, a repeat with a
 * different request is refused. A failed first attempt leaves no record, so it can be retried.
 */
export class IdempotencyKeys {
  constructor(private readonly pool: Pool) {}

  async once(
    scope: { principal: string; key: string; request: unknown },
    execute: () => Promise<StoredResponse>,
  ): Promise<StoredResponse & { replayed: boolean }> {
    if (scope.key.length === 0 || scope.key.length > 255) {
      throw new ValidationError('The Idempotency-Key header is invalid', [
        { path: 'Idempotency-Key', message: 'must be 1 to 255 characters' },
      ]);
    }
    const requestHash = hashRequest(scope.request);
    const claimed = await this.claim(scope.principal, scope.key, requestHash);
    if (!claimed) return { ...(await this.replay(scope.principal, scope.key, requestHash)), replayed: true };
    try {
      const response = await execute();
      await this.pool.query(
        `UPDATE gateway.idempotency_keys SET status = $3, headers = $4, body = $5 WHERE principal = $1 AND key = $2`,
        [scope.principal, scope.key, response.status, response.headers, response.body ?? null],
      );
      return { ...response, replayed: false };
    } catch (error) {
      await this.pool.query(`DELETE FROM gateway.idempotency_keys WHERE principal = $1 AND key = $2`, [
        scope.principal,
        scope.key,
      ]);
      throw error;
    }
  }

  private async claim(principal: string, key: string, requestHash: string): Promise<boolean> {
    await this.pool.query(
      `DELETE FROM gateway.idempotency_keys WHERE principal = $1 AND key = $2 AND created_at < now() - interval '${RETENTION}'`,
      [principal, key],
    );
    const inserted = await this.pool.query(
      `INSERT INTO gateway.idempotency_keys (principal, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [principal, key, requestHash],
    );
    return inserted.rowCount === 1;
  }

  private async replay(principal: string, key: string, requestHash: string): Promise<StoredResponse> {
    const { rows } = await this.pool.query<{
      request_hash: string;
      status: number | null;
      headers: Record<string, string> | null;
      body: string | null;
    }>(
      `SELECT request_hash, status, headers, body FROM gateway.idempotency_keys WHERE principal = $1 AND key = $2`,
      [principal, key],
    );
    const stored = rows[0];
    if (stored && stored.request_hash !== requestHash) {
      throw new BusinessRuleError(
        'idempotency_key_reused',
        'This Idempotency-Key was used with a different request',
      );
    }
    if (!stored || stored.status === null) {
      throw new ConflictError(
        'idempotency_in_progress',
        'A request with this Idempotency-Key is still running',
      );
    }
    return { status: stored.status, headers: stored.headers ?? {}, body: stored.body ?? undefined };
  }
}

function hashRequest(request: unknown): string {
  return createHash('sha256').update(stableStringify(request)).digest('hex');
}

/** JSON with object keys sorted, so `{"a":1,"b":2}` and `{"b":2,"a":1}` are the same request. */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
