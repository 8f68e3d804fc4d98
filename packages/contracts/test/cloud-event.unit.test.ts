import { CloudEvent, toCloudEvent, type StoredEventForEnvelope } from '../src/index.js';

const stored = (actorId?: string): StoredEventForEnvelope => ({
  eventId: '0190aaaa-0000-7000-8000-0000000000e1',
  service: 'inventory',
  aggregate: 'product',
  aggregateId: '0190aaaa-0000-7000-8000-000000000001',
  eventType: 'stock_received',
  data: { quantity: 1 },
  streamVersion: 2,
  recordedAt: new Date('2026-11-22T16:08:58.021Z'),
  metadata: { correlationId: 'c', causationId: 'c', ...(actorId ? { actorId } : {}) },
});

describe('the CloudEvents envelope', () => {
  it('names the user whose request caused the event', () => {
    const event = toCloudEvent(stored('0190aaaa-0000-7000-8000-0000000000f1'));
    expect(event.actorid).toBe('0190aaaa-0000-7000-8000-0000000000f1');
    expect(CloudEvent.parse(event)).toEqual(event);
  });

  it('has no actorid when no user caused it (a timer, another service’s event)', () => {
    const event = toCloudEvent(stored());
    expect(event).not.toHaveProperty('actorid');
    expect(CloudEvent.parse(event)).toEqual(event);
  });
});
