import type { MikroORM } from '@mikro-orm/postgresql';
import type { Role } from '@omni/contracts';
import DataLoader from 'dataloader';
import type { Pool } from 'pg';
import { NotificationPreference } from '../persistence/entities.js';
import { usersWithRoles } from '../projections/userDirectory/projection.js';

/**
 * The two lookups every delivery makes (who holds the roles, who muted the category), batched per
 * event-loop turn: DataLoader with its cache off, so each sees what was committed before its turn
 * and nothing is kept. Under load the events handled in one turn share one query each instead of
 * two per event: those round trips were a fifth of notification's CPU at 200 low-stock crossings/s
 * (bench/README.md, "Notification").
 */
export interface RecipientLookups {
  /** Active users holding any of the roles. */
  usersWithAnyRole(roles: readonly Role[]): Promise<string[]>;
  /** The categories the user muted (none for a user who never set preferences). */
  mutedCategoriesOf(userId: string): Promise<readonly string[]>;
}

export function createRecipientLookups(pool: Pool, schema: string, orm: MikroORM): RecipientLookups {
  const perTurn = { cache: false, batchScheduleFn: (lookUp: () => void) => setImmediate(lookUp) };
  const holders = new DataLoader<string, string[]>(async (roleSets) => {
    const sets = roleSets.map((set) => set.split(','));
    const users = await usersWithRoles(pool, schema, [...new Set(sets.flat())] as Role[]);
    return sets.map((set) => users.filter((u) => u.roles.some((r) => set.includes(r))).map((u) => u.userId));
  }, perTurn);
  const muted = new DataLoader<string, readonly string[]>(async (userIds) => {
    const found = await orm.em
      .fork()
      .find(NotificationPreference, { userId: { $in: [...new Set(userIds)] } });
    const byUser = new Map(found.map((p) => [p.userId, p.mutedCategories]));
    return userIds.map((id) => byUser.get(id) ?? []);
  }, perTurn);
  return {
    usersWithAnyRole: (roles) => holders.load([...roles].sort().join(',')),
    mutedCategoriesOf: (userId) => muted.load(userId),
  };
}
