import { newId } from '@omni/contracts';
import { givenEvents } from '@omni/projections';
import { useTestDatabase } from '@omni/testing';
import { paymentListProjection } from '../src/projections/paymentList/projection.js';

const database = useTestDatabase();

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('the payment list', () => {
  it('given a payment and two refunds, shows what is left to refund and every refund', async () => {
    const [paymentId, orderId] = [newId(), newId()];
    const stream = `payment-${paymentId}`;
    const refund = (amount: number, reason: string) => ({
      streamId: stream,
      type: 'refunded',
      data: { paymentId, orderId, refundId: newId(), amount: eur(amount), reason },
    });
    const t = await givenEvents(database.pool, 'spec_payments', paymentListProjection, [
      {
        streamId: stream,
        type: 'recorded',
        data: { paymentId, orderId, amount: eur(1000), method: 'card', reference: 'R-1' },
      },
      refund(300, 'damaged'),
      refund(200, 'order_cancelled'),
    ]);
    const table = t['payment_list']!;
    const { rows } = await database.pool.query(`SELECT * FROM ${table} WHERE id = $1`, [paymentId]);
    expect(rows).toHaveLength(1);
    expect(Number(rows[0].amount)).toBe(1000);
    expect(Number(rows[0].refunded)).toBe(500);
    expect(rows[0].refunds.map((r: { reason: string }) => r.reason)).toEqual(['damaged', 'order_cancelled']);
    expect(rows[0].version).toBe(3);
  });
});
