import { Migration } from '@mikro-orm/migrations';

/**
 * Preferences and e-mail deliveries. Unqualified names: the migrator runs with the service's schema
 * as its search path (persistence/orm.ts), so the same migration serves any schema name.
 */
export class Migration20261129000000PreferencesAndDeliveries extends Migration {
  override name = 'Migration20261129000000_preferences_and_deliveries';

  override up(): void {
    this.addSql(`
      CREATE TABLE IF NOT EXISTS preferences (
        user_id uuid PRIMARY KEY,
        email boolean NOT NULL DEFAULT true,
        muted_categories text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL
      )`);
    this.addSql(`
      CREATE TABLE IF NOT EXISTS email_delivery (
        notification_id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        to_address text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        message_id text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        sent_at timestamptz,
        last_error text
      )`);
    this.addSql(`CREATE INDEX IF NOT EXISTS email_delivery_due ON email_delivery (next_attempt_at) WHERE status = 'pending'`);
  }

  override down(): void {
    this.addSql('DROP TABLE email_delivery');
    this.addSql('DROP TABLE preferences');
  }
}
