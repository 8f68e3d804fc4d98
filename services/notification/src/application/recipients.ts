import type { Role } from '@omni/contracts';
import { prepared } from '@omni/event-store';
import { lookUpPerTurn } from '@omni/service-kit';
import type { Pool } from 'pg';
import { usersWithRoles } from '../projections/userDirectory/projection.js';

/**
 * The two lookups every delivery makes (who holds the roles, who muted the category), batched per
 * event-loop turn: DataLoader with its cache off, so each sees what was committed before its turn
 * and nothing is kept. Under load the events handled in one turn share one query each instead of
 * two per event: those round trips were a fifth of notification's CPU at 200 low-stock crossings/s
 * (bench/README.md, "Fewer statements per command, …"). The preferences are MikroORM entities (persistence/), but this
 * read of them is one prepared statement: building the ORM's query cost another seventh of the CPU,
 * on every delivery.
 */
export interface RecipientLookups {
  /** Active users holding any of the roles. */
  usersWithAnyRole(roles: readonly Role[]): Promise<string[]>;
  /** The categories the user muted (none for a user who never set preferences). */
  mutedCategoriesOf(userId: string): Promise<readonly string[]>;
}

export function createRecipientLookups(pool: Pool, schema: string): RecipientLookups {
  const holders = lookUpPerTurn<string, string[]>(async (roleSets) => {
    const sets = roleSets.map((set) => set.split(','));
    const users = await usersWithRoles(pool, schema, [...new Set(sets.flat())] as Role[]);
    return sets.map((set) => users.filter((u) => u.roles.some((r) => set.includes(r))).map((u) => u.userId));
  });
  const muted = lookUpPerTurn<string, readonly string[]>(async (userIds) => {
    const { rows } = await pool.query<{ user_id: string; muted_categories: string[] }>(
      prepared(
        `SELECT user_id, muted_categories FROM ${schema}.preferences WHERE user_id = ANY($1::uuid[])`,
        [[...new Set(userIds)]],
      ),
    );
    const byUser = new Map(rows.map((row) => [row.user_id, row.muted_categories]));
    return userIds.map((id) => byUser.get(id) ?? []);
  });
  return {
    usersWithAnyRole: (roles) => holders.load([...roles].sort().join(',')),
    mutedCategoriesOf: (userId) => muted.load(userId),
  };
}
