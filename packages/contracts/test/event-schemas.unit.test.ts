import { z } from 'zod';
import {
  inventoryEvents,
  ordersEvents,
  parseEventData,
  paymentsEvents,
  ValidationError,
} from '../src/index.js';

interface JsonObjectSchema {
  readonly $ref?: string;
  readonly description?: string;
  readonly properties: Record<string, { description?: string }>;
}

const allEvents = { ...inventoryEvents, ...ordersEvents, ...paymentsEvents };

describe('event data schemas', () => {
  it('name every event by its CloudEvents type', () => {
    expect(Object.keys(allEvents)).toEqual(
      expect.arrayContaining([
        'inventory.location.created',
        'inventory.product.stock_received',
        'inventory.reservation.rejected',
        'orders.order.status_changed',
        'payments.payment.refunded',
      ]),
    );
  });

  it.each(Object.entries(allEvents))('%s converts to a described JSON Schema', (_type, schema) => {
    const json = z.toJSONSchema(schema) as JsonObjectSchema & { $defs?: Record<string, JsonObjectSchema> };
    // A schema given an id would be emitted as a reference to its definition.
    const root = json.$ref ? json.$defs![json.$ref.replace('#/$defs/', '')]! : json;
    expect(root.description).toBeTruthy();
    const undescribed = Object.entries(root.properties)
      .filter(([, field]) => !field.description)
      .map(([name]) => name);
    expect(undescribed).toEqual([]);
  });

  it('parses an event at the edge and names every offending field', () => {
    const data = { orderId: '0190aaaa-0000-7000-8000-0000000000aa' };
    expect(parseEventData(ordersEvents, 'orders.order.shipped', data)).toEqual(data);
    const error = caught(() => parseEventData(ordersEvents, 'orders.order.cancelled', { orderId: 'nope' }));
    expect(error).toBeInstanceOf(ValidationError);
    const paths = (error as ValidationError).errors?.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['orderId', 'reason', 'paid']));
  });

  it('refuses an event type it does not know', () => {
    expect(() =>
      parseEventData(ordersEvents, 'orders.order.teleported' as 'orders.order.shipped', {}),
    ).toThrow('Unknown event type orders.order.teleported');
  });
});

function caught(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}
