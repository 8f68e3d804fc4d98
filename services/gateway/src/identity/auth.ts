import { BusinessRuleError, UnauthorizedError, newId, type Actor, type Logger } from '@omni/contracts';
import type { AccessTokens } from './access-tokens.js';
import type { LoginLimiter } from './login-limiter.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.js';
import type { IssuedRefreshToken, RefreshTokens } from './refresh-tokens.js';
import type { User, Users } from './users.js';

export interface SessionTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  readonly user: User;
}

/** Login, refresh rotation and logout (CONTRACT §3). */
export class Auth {
  constructor(
    readonly users: Users,
    readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokens,
    private readonly limiter: LoginLimiter,
  ) {}

  async login(email: string, password: string, clientAddress: string): Promise<SessionTokens> {
    const account = `email:${email.toLowerCase()}`;
    const address = `ip:${clientAddress}`;
    this.limiter.assertAllowed(account, address);
    const user = await this.users.findByEmail(email);
    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    // A deactivated user gets the same answer as a wrong password: no hint which part was wrong.
    if (!user || !valid || !user.active) {
      this.limiter.recordFailure(account, address);
      throw new UnauthorizedError('The email or password is wrong');
    }
    this.limiter.reset(account);
    const { passwordHash: _hidden, ...publicUser } = user;
    return this.sessionFor(publicUser, await this.refreshTokens.issue(user.id));
  }

  async refresh(refreshToken: string): Promise<SessionTokens> {
    const rotated = await this.refreshTokens.rotate(refreshToken);
    const user = await this.users.get(rotated.userId);
    if (!user.active) throw new UnauthorizedError('The refresh token is invalid, expired or already used');
    return this.sessionFor(user, rotated);
  }

  /** Checks the current password, then signs the user out of every other sign-in. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const valid = await verifyPassword(currentPassword, await this.users.passwordHashOf(actor.userId));
    if (!valid) {
      // 422, not 401: the caller is signed in; a 401 would make clients refresh and retry.
      throw new BusinessRuleError('wrong_password', 'The current password is wrong');
    }
    await this.users.setPasswordHash(actor.userId, await hashPassword(newPassword));
    await this.refreshTokens.revokeOtherSessions(actor.userId, actor.sessionId);
  }

  logout(refreshToken: string): Promise<void> {
    return this.refreshTokens.revoke(refreshToken);
  }

  /**
   * A valid signature is not enough: the user's standing is read from the database on every request
   * (one primary-key lookup), so a deactivation or a role change is seen on the very next request by
   * every gateway replica, without waiting for the token to expire or for an event to arrive.
   */
  async authenticate(accessToken: string): Promise<Actor> {
    const token = await this.accessTokens.verify(accessToken);
    const standing = await this.users.standing(token.userId);
    if (!standing?.active) throw new UnauthorizedError('The account is deactivated');
    return {
      userId: token.userId,
      roles: standing.roles,
      ...(standing.vendorId ? { vendorId: standing.vendorId } : {}),
      ...(token.sessionId ? { sessionId: token.sessionId } : {}),
    };
  }

  private async sessionFor(user: User, issued: IssuedRefreshToken): Promise<SessionTokens> {
    const actor = { userId: user.id, roles: user.roles, sessionId: issued.sessionId };
    const accessToken = await this.accessTokens.issue(actor);
    return { accessToken, refreshToken: issued.refreshToken, expiresIn: this.accessTokens.ttlSeconds, user };
  }
}

/** CONTRACT §1: the first admin, from OMNI_ADMIN_EMAIL / OMNI_ADMIN_PASSWORD. */
export async function bootstrapAdmin(
  users: Users,
  admin: { email: string; password: string | undefined; production: boolean },
  logger: Logger,
): Promise<void> {
  let password = admin.password;
  if (!password) {
    if (admin.production) throw new Error('OMNI_ADMIN_PASSWORD must be set when NODE_ENV=production');
    password = 'omni-admin';
    logger.warn(
      { email: admin.email },
      'OMNI_ADMIN_PASSWORD is not set: the first admin gets the default password',
    );
  }
  const bootId = newId();
  const created = await users.createIfAbsent(
    { email: admin.email, name: 'Administrator', password, roles: ['admin'] },
    { correlationId: bootId, causationId: bootId },
  );
  if (created) logger.info({ email: admin.email }, 'created the first admin');
}
