import { paymentsEvents, type TypedEvent } from '@omni/contracts';
import type { Tx } from '@omni/event-store';
import { streamProjection, tableExists, type TableNames } from '@omni/projections';
import { dayOf } from '../days.js';

type PaymentEvent = TypedEvent<typeof paymentsEvents>;

/**
 * Revenue per UTC day and currency, from payments' stream: money recorded that day less money
 * refunded that day (automatic refunds of cancelled orders and manual ones alike). Payments' events
 * are facts about money, so revenue comes from them rather than from orders' status changes.
 */
export const revenueByDayProjection = streamProjection({
  name: 'revenueByDay',
  tables: ['revenue_days'],
  source: { service: 'payments', filterSubject: 'payments.payment.>', events: paymentsEvents },

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['revenue_days']!)) return;
    await tx.query(`
      CREATE TABLE ${t['revenue_days']} (
        day date NOT NULL,
        currency char(3) NOT NULL,
        recorded bigint NOT NULL DEFAULT 0,
        refunded bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (day, currency)
      )`);
  },

  async apply(tx: Tx, event: PaymentEvent, t: TableNames) {
    const column = event.type === 'payments.payment.recorded' ? 'recorded' : 'refunded';
    const { amount, currency } = event.data.amount;
    await tx.query(
      `INSERT INTO ${t['revenue_days']} AS r (day, currency, ${column}) VALUES ($1, $2, $3)
       ON CONFLICT (day, currency) DO UPDATE SET ${column} = r.${column} + EXCLUDED.${column}`,
      [dayOf(event.time), currency, amount],
    );
  },
});
