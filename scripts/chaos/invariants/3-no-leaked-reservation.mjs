// No stock stays reserved for an order that no longer needs it: per order, what inventory reserved
// minus what it released or committed is the order's quantity while it awaits payment or is paid,
// and zero once it was rejected, cancelled or shipped; and each product's `reserved` stock level is
// the sum of what its open reservations hold.
export default {
  name: 'no leaked reservation',
  async check({ db }) {
    const { rows: held } = await db.query(`
      SELECT data->>'orderId' AS order_id, data->>'productId' AS product_id,
             sum(CASE event_type WHEN 'stock_reserved' THEN 1 ELSE -1 END * (data->>'quantity')::int) AS held
        FROM inventory.events
       WHERE event_type IN ('stock_reserved', 'reservation_released', 'reservation_committed')
       GROUP BY 1, 2`);
    const { rows: statuses } = await db.query(`
      SELECT DISTINCT ON (data->>'orderId') data->>'orderId' AS order_id, data->>'to' AS status
        FROM orders.events WHERE event_type = 'status_changed'
       ORDER BY data->>'orderId', global_position DESC`);
    const status = new Map(statuses.map((r) => [r.order_id, r.status]));
    const problems = [];
    const heldByProduct = new Map();
    for (const { order_id, product_id, held: amount } of held) {
      const n = Number(amount);
      heldByProduct.set(product_id, (heldByProduct.get(product_id) ?? 0) + n);
      const open = ['awaiting_payment', 'paid'].includes(status.get(order_id));
      if (n < 0 || (!open && n !== 0))
        problems.push(`order ${order_id} (${status.get(order_id) ?? 'no status'}) holds ${n}`);
      if (open && n <= 0) problems.push(`order ${order_id} (${status.get(order_id)}) holds nothing`);
    }
    const { rows: products } = await db.query(`
      SELECT DISTINCT ON (stream_id) data->>'productId' AS product_id, data->'totals' AS totals
        FROM inventory.events WHERE data ? 'totals' ORDER BY stream_id, global_position DESC`);
    for (const { product_id, totals } of products) {
      const expected = heldByProduct.get(product_id) ?? 0;
      if (totals?.reserved !== undefined && Number(totals.reserved) !== expected)
        problems.push(`product ${product_id} reserved ${totals.reserved}, open reservations ${expected}`);
    }
    return problems.length
      ? { status: 'fail', detail: problems.slice(0, 5).join('; ') }
      : { status: 'pass', detail: `${held.length} reservations, ${products.length} products balanced` };
  },
};
