import {
  ConflictError,
  NotFoundError,
  ValidationError,
  newId,
  type Role,
  type identity,
} from '@omni/contracts';
import { lookUpPerTurn } from '@omni/service-kit';
import type { EventStore, Tx } from '@omni/event-store';
import type { EventMetadata, UserEvent } from '@omni/contracts';
import type { Pool } from 'pg';
import { hashPassword } from './passwords.js';

export type User = identity.User;
export type Profile = identity.Profile;

interface UserRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  vendor_id: string | null;
  deactivated_at: Date | null;
  password_hash: string;
  title: string | null;
  department: string | null;
  phone: string | null;
  location_id: string | null;
  avatar_url: string | null;
  created_at: Date;
}

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  readonly roles: readonly Role[];
  readonly vendorId?: string | undefined;
}

/** What every authenticated request is checked against: the user as the database has it now. */
export interface Standing {
  readonly roles: readonly Role[];
  readonly vendorId: string | null;
  readonly active: boolean;
}

export interface UserFilter {
  readonly q?: string | undefined;
  readonly role?: Role | undefined;
  readonly afterEmail?: string | undefined;
  readonly limit: number;
}

/**
 * Users and their profiles. Every change appends its `gateway.user.*` event to the gateway's event log
 * in the same transaction, so the relay publishes exactly the changes that committed
 * (services/gateway/README.md, Identity).
 */
export class Users {
  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
  ) {}

  async create(user: NewUser, metadata: EventMetadata): Promise<User> {
    assertVendorRole(user.roles, user.vendorId ?? null);
    const passwordHash = await hashPassword(user.password);
    try {
      return await this.store.transaction(async (tx) => {
        const { rows } = await tx.query<UserRow>(
          `INSERT INTO gateway.users (id, email, name, password_hash, roles, vendor_id)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
          [newId(), user.email, user.name, passwordHash, user.roles, user.vendorId ?? null],
        );
        const created = rows[0]!;
        await this.publish(tx, created.id, metadata, [
          {
            type: 'created',
            data: {
              userId: created.id,
              email: created.email,
              name: created.name,
              roles: created.roles,
              vendorId: created.vendor_id,
            },
          },
        ]);
        return toUser(created);
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new ConflictError('duplicate_email', 'A user with this email already exists', { cause: error });
      }
      throw error;
    }
  }

  /** Creates the user unless one with the email exists; true when it was created. */
  async createIfAbsent(user: NewUser, metadata: EventMetadata): Promise<boolean> {
    if (await this.findByEmail(user.email)) return false;
    try {
      await this.create(user, metadata);
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false; // another gateway instance won the race
      throw error;
    }
  }

  /** Name, roles and vendor (admin). Emits `updated` and/or `roles_changed` for what really changed. */
  async update(id: string, changes: identity.UpdateUserInput, metadata: EventMetadata): Promise<User> {
    return this.store.transaction(async (tx) => {
      const before = await lockUser(tx, id);
      const roles = changes.roles ?? before.roles;
      const vendorId = changes.vendorId === undefined ? before.vendor_id : changes.vendorId;
      assertVendorRole(roles, vendorId);
      const { rows } = await tx.query<UserRow>(
        `UPDATE gateway.users SET name = $2, roles = $3, vendor_id = $4 WHERE id = $1 RETURNING *`,
        [id, changes.name ?? before.name, roles, vendorId],
      );
      const after = rows[0]!;
      const events: UserEvent[] = [];
      if (after.name !== before.name || after.vendor_id !== before.vendor_id)
        events.push(updatedEvent(after));
      if (!sameRoles(after.roles, before.roles)) {
        events.push({
          type: 'roles_changed',
          data: { userId: id, roles: after.roles, previousRoles: before.roles },
        });
      }
      await this.publish(tx, id, metadata, events);
      return toUser(after);
    });
  }

  /** Refuses the user's sign-in and tokens from now on; every refresh token is revoked. Idempotent. */
  async deactivate(id: string, metadata: EventMetadata): Promise<User> {
    return this.store.transaction(async (tx) => {
      const before = await lockUser(tx, id);
      if (before.deactivated_at) return toUser(before);
      const { rows } = await tx.query<UserRow>(
        `UPDATE gateway.users SET deactivated_at = now() WHERE id = $1 RETURNING *`,
        [id],
      );
      await tx.query(
        `UPDATE gateway.refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
        [id],
      );
      await this.publish(tx, id, metadata, [{ type: 'deactivated', data: { userId: id } }]);
      return toUser(rows[0]!);
    });
  }

  async updateProfile(
    id: string,
    changes: identity.UpdateProfileInput,
    metadata: EventMetadata,
  ): Promise<Profile> {
    return this.store.transaction(async (tx) => {
      const before = await lockUser(tx, id);
      const pick = <K extends keyof identity.UpdateProfileInput>(key: K, current: string | null) =>
        changes[key] === undefined ? current : (changes[key] ?? null);
      const { rows } = await tx.query<UserRow>(
        `UPDATE gateway.users SET title = $2, department = $3, phone = $4, location_id = $5, avatar_url = $6
          WHERE id = $1 RETURNING *`,
        [
          id,
          pick('title', before.title),
          pick('department', before.department),
          pick('phone', before.phone),
          pick('locationId', before.location_id),
          pick('avatarUrl', before.avatar_url),
        ],
      );
      const after = rows[0]!;
      if (JSON.stringify(toProfile(after)) !== JSON.stringify(toProfile(before)))
        await this.publish(tx, id, metadata, [updatedEvent(after)]);
      return toProfile(after);
    });
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.pool.query(`UPDATE gateway.users SET password_hash = $2 WHERE id = $1`, [id, passwordHash]);
  }

  async findByEmail(email: string): Promise<(User & { passwordHash: string }) | undefined> {
    const { rows } = await this.pool.query<UserRow>(
      `SELECT * FROM gateway.users WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows[0] && { ...toUser(rows[0]), passwordHash: rows[0].password_hash };
  }

  async passwordHashOf(id: string): Promise<string> {
    return (await this.row(id)).password_hash;
  }

  async get(id: string): Promise<User> {
    return toUser(await this.row(id));
  }

  /** The display name alone: a lock's holder (docs/collaboration.md). */
  async nameOf(id: string): Promise<string> {
    const { rows } = await this.pool.query<Pick<UserRow, 'name'>>({
      name: 'gateway-user-name',
      text: `SELECT name FROM gateway.users WHERE id = $1`,
      values: [id],
    });
    if (!rows[0]) throw new NotFoundError('User not found', 'user_not_found');
    return rows[0].name;
  }

  async profile(id: string): Promise<Profile> {
    return toProfile(await this.row(id));
  }

  /** One primary-key read per authenticated request; undefined for an unknown user. */
  /**
   * The user's standing as committed when the request arrived. Lookups asked for in one turn of the
   * event loop go to PostgreSQL together, as one query issued at the end of that turn (`setImmediate`),
   * so under load one round trip serves every request read from the sockets in that turn; each of
   * them arrived before the query started, so each still sees every change committed before it.
   * Nothing is cached between turns (DataLoader's cache is off).
   */
  standing(id: string): Promise<Standing | undefined> {
    return this.standingsInThisTurn.load(id);
  }

  private readonly standingsInThisTurn = lookUpPerTurn<string, Standing | undefined>(
    (ids) => this.standingsOf(ids),
    { maxBatchSize: 1000 },
  );

  private async standingsOf(ids: readonly string[]): Promise<(Standing | undefined)[]> {
    const { rows } = await this.pool.query<Pick<UserRow, 'id' | 'roles' | 'vendor_id' | 'deactivated_at'>>({
      name: 'gateway-user-standings',
      text: `SELECT id, roles, vendor_id, deactivated_at FROM gateway.users WHERE id = ANY($1::uuid[])`,
      values: [[...new Set(ids)]],
    });
    const byId = new Map(
      rows.map((row) => [
        row.id,
        { roles: row.roles, vendorId: row.vendor_id, active: row.deactivated_at === null },
      ]),
    );
    return ids.map((id) => byId.get(id));
  }

  /** Ordered by email; `q` is a case-insensitive substring of the email or the name. */
  async list({ q, role, afterEmail, limit }: UserFilter): Promise<User[]> {
    const { rows } = await this.pool.query<UserRow>(
      `SELECT * FROM gateway.users
        WHERE ($1::text IS NULL OR lower(email) > lower($1))
          AND ($2::text IS NULL OR strpos(lower(email), lower($2)) > 0 OR strpos(lower(name), lower($2)) > 0)
          AND ($3::text IS NULL OR $3 = ANY (roles))
        ORDER BY lower(email) LIMIT $4`,
      [afterEmail ?? null, q ?? null, role ?? null, limit],
    );
    return rows.map(toUser);
  }

  private async row(id: string): Promise<UserRow> {
    const { rows } = await this.pool.query<UserRow>(`SELECT * FROM gateway.users WHERE id = $1`, [id]);
    if (!rows[0]) throw new NotFoundError('User not found', 'user_not_found');
    return rows[0];
  }

  /** The row lock orders concurrent changes of one user, so their events append in order. */
  private async publish(tx: Tx, userId: string, metadata: EventMetadata, events: readonly UserEvent[]) {
    await this.store.append(tx, [
      {
        streamId: `user-${userId}`,
        expectedVersion: 'any',
        events: events.map((event) => ({ type: event.type, data: event.data, metadata })),
      },
    ]);
  }
}

async function lockUser(tx: Tx, id: string): Promise<UserRow> {
  const { rows } = await tx.query<UserRow>(`SELECT * FROM gateway.users WHERE id = $1 FOR UPDATE`, [id]);
  if (!rows[0]) throw new NotFoundError('User not found', 'user_not_found');
  return rows[0];
}

/** A `vendor` user acts for exactly one vendor; without one it could see nothing, which is a mistake. */
function assertVendorRole(roles: readonly Role[], vendorId: string | null): void {
  if (roles.includes('vendor') && !vendorId) {
    throw new ValidationError('A user with role vendor needs a vendorId', [
      { path: 'vendorId', message: 'required for role vendor' },
    ]);
  }
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

function updatedEvent(row: UserRow): UserEvent {
  const { userId: _self, name: _name, ...profile } = toProfile(row);
  return { type: 'updated', data: { userId: row.id, name: row.name, vendorId: row.vendor_id, profile } };
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    vendorId: row.vendor_id,
    active: row.deactivated_at === null,
    createdAt: row.created_at.toISOString(),
  };
}

function toProfile(row: UserRow): Profile {
  return {
    userId: row.id,
    name: row.name,
    title: row.title,
    department: row.department,
    phone: row.phone,
    locationId: row.location_id,
    avatarUrl: row.avatar_url,
  };
}
