// Every write the API acknowledged is in its service's event log exactly once; one whose answer was
// lost (retried with the same Idempotency-Key until attempts ran out) at most once.
const countBy = async (db, sql, values) => {
  const { rows } = await db.query(sql, values);
  return new Map(rows.map((r) => [r.key, Number(r.count)]));
};

export default {
  name: 'every acknowledged write in the log once',
  async check({ db, ledger }) {
    const placed = await countBy(
      db,
      `SELECT data->>'orderId' AS key, count(*) FROM orders.events WHERE event_type = 'placed' GROUP BY 1`,
    );
    const receipts = await countBy(
      db,
      `SELECT data->>'reference' AS key, count(*) FROM inventory.events WHERE event_type = 'stock_received' GROUP BY 1`,
    );
    const recorded = await countBy(
      db,
      `SELECT data->>'paymentId' AS key, count(*) FROM payments.events WHERE event_type = 'recorded' GROUP BY 1`,
    );
    const problems = [];
    for (const { id } of ledger.orders)
      if (placed.get(id) !== 1) problems.push(`order ${id} placed ${placed.get(id) ?? 0}×`);
    for (const { reference } of ledger.receipts)
      if (receipts.get(reference) !== 1)
        problems.push(`receipt ${reference} ${receipts.get(reference) ?? 0}×`);
    for (const { id } of ledger.payments)
      if (recorded.get(id) !== 1) problems.push(`payment ${id} recorded ${recorded.get(id) ?? 0}×`);
    for (const { kind, target } of ledger.unacknowledged)
      if (kind === 'receipt' && (receipts.get(target) ?? 0) > 1)
        problems.push(`lost receipt ${target} twice`);
    for (const [key, count] of [...placed, ...recorded, ...receipts])
      if (count > 1) problems.push(`${key} ${count}× in the log`);
    const checked = ledger.orders.length + ledger.receipts.length + ledger.payments.length;
    return problems.length
      ? { status: 'fail', detail: problems.slice(0, 5).join('; ') }
      : { status: 'pass', detail: `${checked} acknowledged writes, each once; no write twice` };
  },
};
