import { UnauthorizedError, type Actor, type Logger } from '@omni/contracts';
import type { AccessTokens } from './access-tokens.js';
import type { LoginLimiter } from './login-limiter.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';
import type { RefreshTokens } from './refresh-tokens.js';
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
    if (!user || !valid) {
      this.limiter.recordFailure(account, address);
      throw new UnauthorizedError('The email or password is wrong');
    }
    this.limiter.reset(account);
    const { passwordHash: _hidden, ...publicUser } = user;
    return this.sessionFor(publicUser, await this.refreshTokens.issue(user.id));
  }

  async refresh(refreshToken: string): Promise<SessionTokens> {
    const rotated = await this.refreshTokens.rotate(refreshToken);
    return this.sessionFor(await this.users.get(rotated.userId), rotated.refreshToken);
  }

  logout(refreshToken: string): Promise<void> {
    return this.refreshTokens.revoke(refreshToken);
  }

  authenticate(accessToken: string): Promise<Actor> {
    return this.accessTokens.verify(accessToken);
  }

  private async sessionFor(user: User, refreshToken: string): Promise<SessionTokens> {
    const accessToken = await this.accessTokens.issue({ userId: user.id, roles: user.roles });
    return { accessToken, refreshToken, expiresIn: this.accessTokens.ttlSeconds, user };
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
  const created = await users.createIfAbsent({
    email: admin.email,
    name: 'Administrator',
    password,
    roles: ['admin'],
  });
  if (created) logger.info({ email: admin.email }, 'created the first admin');
}
