import { ConflictError, assertNever, type Decider, type notification } from '@omni/contracts';

/**
 * One user's inbox (stream `inbox-<userId>`, published as `notification.inbox.<userId>.*`). It keeps
 * only the ids still unread: enough to make reading idempotent and read-all exact. That a (source
 * event, recipient) pair is delivered once is the command's idempotency key, not this state
 * (services/notification/README.md).
 */
export type InboxCommand =
  | { readonly type: 'Deliver'; readonly notification: Omit<notification.NotificationCreated, 'userId'>; readonly userId: string }
  | { readonly type: 'MarkRead'; readonly userId: string; readonly notificationId: string; readonly at: string }
  | { readonly type: 'MarkAllRead'; readonly userId: string; readonly at: string };

export type InboxEvent = notification.InboxEvent;

export interface InboxState {
  readonly unread: readonly string[];
}

export const inboxDecider: Decider<InboxCommand, InboxEvent, InboxState, ConflictError> = {
  initialState: { unread: [] },
  snapshotKey: 'inbox-v1',

  decide(command, state) {
    switch (command.type) {
      case 'Deliver':
        if (state.unread.includes(command.notification.notificationId)) return [];
        return [{ type: 'created', data: { ...command.notification, userId: command.userId } }];
      case 'MarkRead':
        // Already read (or read-all got there first): nothing to record, the answer is the same.
        if (!state.unread.includes(command.notificationId)) return [];
        return [read(command.userId, [command.notificationId], command.at)];
      case 'MarkAllRead':
        return state.unread.length === 0 ? [] : [read(command.userId, state.unread, command.at)];
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'created':
        return { unread: [...state.unread, event.data.notificationId] };
      case 'read': {
        const read = new Set(event.data.notificationIds);
        return { unread: state.unread.filter((id) => !read.has(id)) };
      }
      default:
        return state;
    }
  },
};

function read(userId: string, notificationIds: readonly string[], readAt: string): InboxEvent {
  return { type: 'read', data: { userId, notificationIds: [...notificationIds], readAt } };
}
