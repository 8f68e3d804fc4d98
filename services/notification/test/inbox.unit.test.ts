import { newId } from '@omni/contracts';
import { given } from '@omni/testing';
import { inboxDecider, type InboxEvent } from '../src/domain/inbox/decider.js';
import { notificationIdFor } from '../src/application/notification-id.js';

const userId = newId();
const at = '2026-12-01T10:00:00.000Z';
const notification = (notificationId: string) => ({
  notificationId,
  category: 'low_stock' as const,
  title: 'Low stock: TEA-1',
  body: '2 available',
  resource: { type: 'product' as const, id: newId() },
  sourceEventId: newId(),
  createdAt: at,
});
const created = (id: string): InboxEvent => ({ type: 'created', data: { ...notification(id), userId } });
const first = newId();
const second = newId();

describe('when the inbox is empty', () => {
  it('delivers a notification', () => {
    const n = notification(first);
    given(inboxDecider, []).when({ type: 'Deliver', userId, notification: n }).then([{ type: 'created', data: { ...n, userId } }]);
  });

  it('has nothing to mark read', () => {
    given(inboxDecider, []).when({ type: 'MarkAllRead', userId, at }).then([]);
  });
});

describe('when two notifications are unread', () => {
  const history = [created(first), created(second)];

  it('does not deliver one of them twice', () => {
    given(inboxDecider, history).when({ type: 'Deliver', userId, notification: notification(first) }).then([]);
  });

  it('marks one read', () => {
    given(inboxDecider, history)
      .when({ type: 'MarkRead', userId, notificationId: first, at })
      .then([{ type: 'read', data: { userId, notificationIds: [first], readAt: at } }]);
  });

  it('marks both read at once', () => {
    given(inboxDecider, history)
      .when({ type: 'MarkAllRead', userId, at })
      .then([{ type: 'read', data: { userId, notificationIds: [first, second], readAt: at } }]);
  });
});

describe('when a notification was read already', () => {
  const history = [created(first), { type: 'read', data: { userId, notificationIds: [first], readAt: at } } as InboxEvent];

  it('reading it again records nothing', () => {
    given(inboxDecider, history).when({ type: 'MarkRead', userId, notificationId: first, at }).then([]);
  });
});

describe('the notification id', () => {
  it('is the same uuid for the same (source event, recipient) and differs for another recipient', () => {
    const source = newId();
    const id = notificationIdFor(source, userId);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(notificationIdFor(source, userId)).toBe(id);
    expect(notificationIdFor(source, newId())).not.toBe(id);
  });
});
