import type { MikroORM } from '@mikro-orm/postgresql';
import type { notification } from '@omni/contracts';
import { NotificationPreference } from '../persistence/entities.js';

const DEFAULTS: notification.NotificationPreferences = { email: true, mutedCategories: [] };

/** A user's preferences, or the defaults (e-mail on, nothing muted) for one who never set any. */
export async function getPreferences(orm: MikroORM, userId: string): Promise<notification.NotificationPreferences> {
  const found = await orm.em.fork().findOne(NotificationPreference, { userId });
  return found ? toPreferences(found) : DEFAULTS;
}

/** Replaces the user's preferences (PUT): the last write wins, as for any setting. */
export async function updatePreferences(
  orm: MikroORM,
  userId: string,
  input: notification.UpdatePreferencesInput,
): Promise<notification.NotificationPreferences> {
  const em = orm.em.fork();
  const mutedCategories = [...new Set(input.mutedCategories)].sort();
  const saved = await em.upsert(NotificationPreference, { userId, email: input.email, mutedCategories, updatedAt: new Date() });
  return toPreferences(saved);
}

function toPreferences(row: NotificationPreference): notification.NotificationPreferences {
  return { email: row.email, mutedCategories: row.mutedCategories as notification.NotificationCategory[] };
}
