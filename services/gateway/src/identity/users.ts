import { ConflictError, NotFoundError, newId, type Role } from '@omni/contracts';
import type { Pool } from 'pg';
import { hashPassword } from './passwords.js';

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly createdAt: string;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  password_hash: string;
  created_at: Date;
}

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  readonly roles: readonly Role[];
}

export class Users {
  constructor(private readonly pool: Pool) {}

  async create(user: NewUser): Promise<User> {
    const passwordHash = await hashPassword(user.password);
    try {
      const { rows } = await this.pool.query<UserRow>(
        `INSERT INTO gateway.users (id, email, name, password_hash, roles) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [newId(), user.email, user.name, passwordHash, user.roles],
      );
      return toUser(rows[0]!);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new ConflictError('duplicate_email', 'A user with this email already exists', { cause: error });
      }
      throw error;
    }
  }

  /** Creates the user unless one with the email exists; true when it was created. */
  async createIfAbsent(user: NewUser): Promise<boolean> {
    if (await this.findByEmail(user.email)) return false;
    try {
      await this.create(user);
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false; // another gateway instance won the race
      throw error;
    }
  }

  async findByEmail(email: string): Promise<(User & { passwordHash: string }) | undefined> {
    const { rows } = await this.pool.query<UserRow>(
      `SELECT * FROM gateway.users WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows[0] && { ...toUser(rows[0]), passwordHash: rows[0].password_hash };
  }

  async get(id: string): Promise<User> {
    const { rows } = await this.pool.query<UserRow>(`SELECT * FROM gateway.users WHERE id = $1`, [id]);
    if (!rows[0]) throw new NotFoundError('User not found', 'user_not_found');
    return toUser(rows[0]);
  }

  async list(limit: number, afterEmail: string | undefined): Promise<User[]> {
    const { rows } = await this.pool.query<UserRow>(
      `SELECT * FROM gateway.users WHERE $1::text IS NULL OR lower(email) > lower($1)
       ORDER BY lower(email) LIMIT $2`,
      [afterEmail ?? null, limit],
    );
    return rows.map(toUser);
  }
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    createdAt: row.created_at.toISOString(),
  };
}
