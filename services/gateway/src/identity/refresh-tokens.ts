import { UnauthorizedError, newId } from '@omni/contracts';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * Rotating refresh tokens, `<id>.<secret>`; only a hash of the secret is stored. Each use rotates
 * the token within its family; presenting a token that was already rotated means it leaked, so the
 * whole family is revoked and every token of that login stops working.
 */
export interface IssuedRefreshToken {
  readonly refreshToken: string;
  readonly sessionId: string;
}

export class RefreshTokens {
  constructor(
    private readonly pool: Pool,
    readonly ttlSeconds: number,
  ) {}

  /** A new family (a login); its id names the sign-in in the access tokens issued for it. */
  async issue(userId: string): Promise<IssuedRefreshToken> {
    const sessionId = newId();
    return { sessionId, refreshToken: await this.insert(userId, sessionId) };
  }

  /** Consumes `token` and returns the user it belongs to plus its successor. */
  async rotate(token: string): Promise<IssuedRefreshToken & { userId: string }> {
    const { id, secret } = parse(token);
    const known = await this.find(id, secret);
    if (!known || known.revoked_at || known.expires_at <= new Date()) throw invalid();
    // Claimed atomically: of two concurrent uses of one token, only one rotates it.
    const claimed = await this.pool.query(
      `UPDATE gateway.refresh_tokens SET rotated_at = now() WHERE id = $1 AND rotated_at IS NULL AND revoked_at IS NULL`,
      [id],
    );
    if (claimed.rowCount !== 1) {
      await this.revokeFamily(known.family_id); // reuse of a rotated token: it leaked
      throw invalid();
    }
    return {
      userId: known.user_id,
      sessionId: known.family_id,
      refreshToken: await this.insert(known.user_id, known.family_id),
    };
  }

  /** Signs the user out of every other sign-in (after a password change). */
  async revokeOtherSessions(userId: string, keepSessionId: string | undefined): Promise<void> {
    await this.pool.query(
      `UPDATE gateway.refresh_tokens SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND family_id IS DISTINCT FROM $2`,
      [userId, keepSessionId ?? null],
    );
  }

  async revoke(token: string): Promise<void> {
    const { id, secret } = parse(token);
    const known = await this.find(id, secret);
    if (known) await this.revokeFamily(known.family_id);
  }

  private async find(id: string, secret: string) {
    const { rows } = await this.pool.query<{
      family_id: string;
      user_id: string;
      secret_hash: Buffer;
      expires_at: Date;
      revoked_at: Date | null;
    }>(
      `SELECT family_id, user_id, secret_hash, expires_at, revoked_at FROM gateway.refresh_tokens WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    return row && matches(secret, row.secret_hash) ? row : undefined;
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.pool.query(
      `UPDATE gateway.refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId],
    );
  }

  private async insert(userId: string, familyId: string): Promise<string> {
    const id = newId();
    const secret = randomBytes(32).toString('base64url');
    await this.pool.query(
      `INSERT INTO gateway.refresh_tokens (id, family_id, user_id, secret_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [id, familyId, userId, sha256(secret), this.ttlSeconds],
    );
    return `${id}.${secret}`;
  }
}

function parse(token: string): { id: string; secret: string } {
  const [id, secret] = token.split('.');
  if (!id || !secret || !/^[0-9a-f-]{36}$/i.test(id)) throw invalid();
  return { id, secret };
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function matches(secret: string, storedHash: Buffer): boolean {
  const actual = sha256(secret);
  return actual.length === storedHash.length && timingSafeEqual(actual, storedHash);
}

function invalid(): UnauthorizedError {
  return new UnauthorizedError('The refresh token is invalid, expired or already used');
}
