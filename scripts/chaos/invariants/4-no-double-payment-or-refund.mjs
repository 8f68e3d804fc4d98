// Money moves once: no order has more recorded payments than the workload paid it (it pays each
// order once), no refund is recorded twice, and no payment is refunded beyond its amount.
export default {
  name: 'no double payment or refund',
  async check({ db, ledger }) {
    const { rows: perOrder } = await db.query(`
      SELECT data->>'orderId' AS order_id, count(*)::int AS payments
        FROM payments.events WHERE event_type = 'recorded' GROUP BY 1 HAVING count(*) > 1`);
    const { rows: twice } = await db.query(`
      SELECT data->>'refundId' AS refund_id, count(*)::int AS n
        FROM payments.events WHERE event_type = 'refunded' GROUP BY 1 HAVING count(*) > 1`);
    const { rows: over } = await db.query(`
      SELECT p.data->>'paymentId' AS payment_id, (p.data->'amount'->>'amount')::bigint AS paid,
             coalesce(sum((r.data->'amount'->>'amount')::bigint), 0) AS refunded
        FROM payments.events p
        LEFT JOIN payments.events r ON r.event_type = 'refunded' AND r.data->>'paymentId' = p.data->>'paymentId'
       WHERE p.event_type = 'recorded'
       GROUP BY 1, 2 HAVING coalesce(sum((r.data->'amount'->>'amount')::bigint), 0) > (p.data->'amount'->>'amount')::bigint`);
    const { rows: refunds } = await db.query(
      `SELECT count(*)::int AS n FROM payments.events WHERE event_type = 'refunded' AND data->>'reason' <> 'order_cancelled'`,
    );
    const lostRefunds = ledger.unacknowledged.filter((u) => u.kind === 'refund').length;
    const problems = [
      ...perOrder.map((r) => `order ${r.order_id} paid ${r.payments}×`),
      ...twice.map((r) => `refund ${r.refund_id} recorded ${r.n}×`),
      ...over.map((r) => `payment ${r.payment_id} refunded ${r.refunded} of ${r.paid}`),
    ];
    const logged = refunds[0].n;
    if (logged < ledger.refunds.length || logged > ledger.refunds.length + lostRefunds)
      problems.push(
        `${logged} refunds in the log for ${ledger.refunds.length} acknowledged (+${lostRefunds} unanswered)`,
      );
    return problems.length
      ? { status: 'fail', detail: problems.slice(0, 5).join('; ') }
      : {
          status: 'pass',
          detail: `${ledger.payments.length} payments, ${logged} refunds: none twice, none over`,
        };
  },
};
