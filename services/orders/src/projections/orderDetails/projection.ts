import type { orders } from '@omni/contracts';
import { asDomainEvent, type StoredEvent, type Tx } from '@omni/event-store';
import { tableExists, type Projection, type TableNames } from '@omni/projections';

/**
 * One row per order with its lines, money and status history (GET /orders/{id}, GET /orders), and
 * the payment deadline of orders awaiting payment, kept in the same transaction as their status.
 */
export const orderDetailsProjection: Projection = {
  name: 'orders',
  tables: ['order_list', 'payment_deadlines'],

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['order_list']!)) return upgradeOrderList(tx, t['order_list']!);
    await tx.query(`
      CREATE TABLE ${t['order_list']} (
        id uuid PRIMARY KEY,
        status text NOT NULL,
        customer jsonb NOT NULL,
        location_id uuid NOT NULL,
        lines jsonb NOT NULL,
        notes text,
        customer_id uuid,
        source text NOT NULL DEFAULT 'api',
        priority text NOT NULL DEFAULT 'normal',
        assignee_id uuid,
        total_amount bigint NOT NULL,
        currency char(3) NOT NULL,
        paid_amount bigint NOT NULL DEFAULT 0,
        history jsonb NOT NULL,
        rejection jsonb,
        version int NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX ON ${t['order_list']} (status, id);
      ${FILTER_INDEXES(t['order_list']!)}
      CREATE TABLE ${t['payment_deadlines']} (order_id uuid PRIMARY KEY, awaiting_since timestamptz NOT NULL);`);
  },

  async apply(tx: Tx, event: StoredEvent, t: TableNames) {
    if (!event.streamId.startsWith('order-')) return; // customers share the log and some event names
    const e = asDomainEvent<orders.OrderEvent>(event);
    const list = t['order_list']!;
    const entry = (status: string, reason?: string) =>
      JSON.stringify([{ status, at: event.recordedAt.toISOString(), ...(reason ? { reason } : {}) }]);
    switch (e.type) {
      case 'placed': {
        const d = e.data;
        await tx.query(
          `INSERT INTO ${list} (id, status, customer, location_id, lines, notes, total_amount, currency, history, version, created_at,
                                customer_id, source, priority)
           VALUES ($1, 'pending', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO NOTHING`,
          [
            d.orderId,
            d.customer,
            d.locationId,
            JSON.stringify(d.lines),
            d.notes,
            d.total.amount,
            d.total.currency,
            entry('pending'),
            event.streamVersion,
            event.recordedAt,
            d.customerId ?? null,
            // Orders placed before sources and priorities carry neither.
            d.source ?? 'api',
            d.priority ?? 'normal',
          ],
        );
        return;
      }
      case 'updated': {
        const d = e.data;
        // Only what changed is in the event: an absent field keeps its value, null clears it.
        await tx.query(
          `UPDATE ${list} SET notes = CASE WHEN $2 THEN $3 ELSE notes END, priority = coalesce($4, priority),
              assignee_id = CASE WHEN $5 THEN $6::uuid ELSE assignee_id END, version = $7
            WHERE id = $1`,
          [
            d.orderId,
            'notes' in d,
            d.notes ?? null,
            d.priority ?? null,
            'assigneeId' in d,
            d.assigneeId ?? null,
            event.streamVersion,
          ],
        );
        return;
      }
      case 'status_changed': {
        const { to, reason, failedLines } = e.data;
        const rejection =
          to === 'rejected'
            ? JSON.stringify({ reason: reason ?? 'rejected', failedLines: failedLines ?? [] })
            : null;
        await tx.query(
          `UPDATE ${list} SET status = $2, history = ${HISTORY_WITH_NEW_STATUS}, rejection = coalesce($4::jsonb, rejection), version = $5 WHERE id = $1`,
          [e.data.orderId, to, entry(to, reason), rejection, event.streamVersion],
        );
        return setDeadline(tx, t, e.data.orderId, to === 'awaiting_payment' ? event.recordedAt : undefined);
      }
      case 'payment_applied':
        await tx.query(`UPDATE ${list} SET paid_amount = paid_amount + $2, version = $3 WHERE id = $1`, [
          e.data.orderId,
          e.data.amount.amount,
          event.streamVersion,
        ]);
        return;
      case 'cancelled':
      case 'shipped': {
        const status = e.type;
        const reason = e.type === 'cancelled' ? e.data.reason : undefined;
        await tx.query(
          `UPDATE ${list} SET status = $2, history = ${HISTORY_WITH_NEW_STATUS}, version = $4 WHERE id = $1`,
          [e.data.orderId, status, entry(status, reason), event.streamVersion],
        );
        return setDeadline(tx, t, e.data.orderId, undefined);
      }
      default:
        return;
    }
  },
};

/** `GET /orders?assigneeId=&priority=&source=&customerId=`: each filter walks its own index, newest first. */
const FILTER_INDEXES = (list: string) => `
      CREATE INDEX ON ${list} USING gin (lines jsonb_path_ops);
      CREATE INDEX ON ${list} (assignee_id, id) WHERE assignee_id IS NOT NULL;
      CREATE INDEX ON ${list} (priority, id);
      CREATE INDEX ON ${list} (source, id);
      CREATE INDEX ON ${list} (customer_id, id) WHERE customer_id IS NOT NULL;`;

/**
 * Order lists made before customers, sources, priorities and assignees gain those columns in place
 * (what every earlier order had: no customer id, source api, priority normal, no assignee): no rebuild.
 */
async function upgradeOrderList(tx: Tx, list: string): Promise<void> {
  const { rows } = await tx.query<{ upgraded: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = $1::regclass AND attname = 'assignee_id'
                     AND NOT attisdropped) AS upgraded`,
    [list],
  );
  if (rows[0]!.upgraded) return;
  await tx.query(`
    ALTER TABLE ${list} ADD COLUMN customer_id uuid, ADD COLUMN source text NOT NULL DEFAULT 'api',
      ADD COLUMN priority text NOT NULL DEFAULT 'normal', ADD COLUMN assignee_id uuid;
    ${FILTER_INDEXES(list)}`);
}

/**
 * A status change is recorded once, whichever event brings it: `cancelled` and `shipped` are followed
 * by a `status_changed` to the same status, which older logs lack (docs/events.md). So an event that
 * moves the order to the status it already has adds no history entry (`$2` is the new status, `$3`
 * the entry; the right-hand `status` is the row's status before the update).
 */
const HISTORY_WITH_NEW_STATUS = `CASE WHEN status = $2 THEN history ELSE history || $3::jsonb END`;

/** The payment deadline lives exactly as long as the order awaits payment. */
async function setDeadline(tx: Tx, t: TableNames, orderId: string, awaitingSince: Date | undefined) {
  if (!awaitingSince) {
    await tx.query(`DELETE FROM ${t['payment_deadlines']} WHERE order_id = $1`, [orderId]);
    return;
  }
  // The timeout itself is configuration (ORDER_PAYMENT_TIMEOUT_MS), applied when deadlines are read.
  await tx.query(
    `INSERT INTO ${t['payment_deadlines']} (order_id, awaiting_since) VALUES ($1, $2) ON CONFLICT (order_id) DO NOTHING`,
    [orderId, awaitingSince],
  );
}
