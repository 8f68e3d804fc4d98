import { Role, UnauthorizedError, type Actor } from '@omni/contracts';
import { SignJWT, errors, jwtVerify } from 'jose';
import { z } from 'zod';

const ISSUER = 'omni-gateway';
const Claims = z.object({ sub: z.uuid(), roles: z.array(Role), sid: z.uuid().optional() });

/** Short-lived HS256 access tokens (jose). The refresh token, not this, keeps a session alive. */
export class AccessTokens {
  private readonly key: Uint8Array;
  /**
   * Tokens already verified, until they expire: an HMAC check through WebCrypto is the gateway's
   * largest cost per request (profiled), and a client sends the same token many times.
   */
  private readonly verified = new Map<string, { actor: Actor; expiresAt: number }>();
  private static readonly CACHE_LIMIT = 10_000;

  constructor(
    secret: string,
    readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  /**
   * The roles in the token are informative only: every request takes the user's roles and standing
   * from the database (Auth.authenticate), so a change or a deactivation applies at once.
   */
  issue(actor: Actor): Promise<string> {
    return new SignJWT({ roles: actor.roles, ...(actor.sessionId ? { sid: actor.sessionId } : {}) })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(actor.userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  async verify(token: string): Promise<Actor> {
    const cached = this.verified.get(token);
    if (cached && cached.expiresAt > Date.now()) return cached.actor;
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      const claims = Claims.parse(payload);
      const actor = {
        userId: claims.sub,
        roles: claims.roles,
        ...(claims.sid ? { sessionId: claims.sid } : {}),
      };
      if (this.verified.size >= AccessTokens.CACHE_LIMIT) this.verified.clear();
      this.verified.set(token, { actor, expiresAt: (payload.exp ?? 0) * 1000 });
      return actor;
    } catch (error) {
      const expired = error instanceof errors.JWTExpired;
      throw new UnauthorizedError(expired ? 'The access token has expired' : 'The access token is invalid', {
        cause: error,
      });
    }
  }
}
