import type { notification } from '@omni/contracts';
import type { Pool } from 'pg';

const DEFAULTS: notification.NotificationPreferences = { email: true, mutedCategories: [] };

export async function getPreferences(
  db: Pool,
  schema: string,
  userId: string,
): Promise<notification.NotificationPreferences> {
  const { rows } = await db.query<{ email: boolean; muted_categories: notification.NotificationCategory[] }>(
    `SELECT email, muted_categories FROM ${schema}.preferences WHERE user_id = $1`,
    [userId],
  );
  return rows[0] ? { email: rows[0].email, mutedCategories: rows[0].muted_categories } : DEFAULTS;
}

/** Replaces the user's preferences (PUT): the last write wins, as for any setting. */
export async function updatePreferences(
  db: Pool,
  schema: string,
  userId: string,
  input: notification.UpdatePreferencesInput,
): Promise<notification.NotificationPreferences> {
  const muted = [...new Set(input.mutedCategories)].sort();
  await db.query(
    `INSERT INTO ${schema}.preferences (user_id, email, muted_categories) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, muted_categories = excluded.muted_categories, updated_at = now()`,
    [userId, input.email, muted],
  );
  return { email: input.email, mutedCategories: muted };
}

/** Which of these users muted the category: they get no notification of it at all. */
export async function mutedRecipients(
  db: Pool,
  schema: string,
  userIds: readonly string[],
  category: notification.NotificationCategory,
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const { rows } = await db.query<{ user_id: string }>(
    `SELECT user_id FROM ${schema}.preferences WHERE user_id = ANY($1::uuid[]) AND $2 = ANY(muted_categories)`,
    [userIds, category],
  );
  return new Set(rows.map((r) => r.user_id));
}
