import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import type { Bridge } from '../realtime/bridge.js';

/**
 * Closes the open WebSockets of a deactivated user on this gateway process. Every replica listens to
 * the `deactivated` events the relay publishes (a plain core subscription: only sockets open right
 * now matter, so nothing needs replaying); REST requests need no such help, since every request reads
 * the user's standing from the database.
 */
export function closeSocketsOfDeactivatedUsers(nats: NatsConnection, bridge: Bridge): Subscription {
  return nats.subscribe('gateway.user.*.deactivated', {
    callback: (error, message) => {
      if (error) return;
      const userId = message.subject.split('.')[2];
      if (userId) bridge.disconnectUser(userId, 'the account was deactivated');
    },
  });
}
