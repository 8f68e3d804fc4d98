import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseWith, rpcSubject, type RpcRequest, notification as contracts } from '@omni/contracts';
import { actorOf, type NotificationService } from '../application/context.js';
import { markAllRead, markRead, unreadCountOf } from '../application/inbox.js';
import { getPreferences, updatePreferences } from '../application/preferences.js';
import { listNotifications } from '../projections/inbox/query.js';

export const NOTIFICATION = Symbol('Notification');
const rpc = (name: string) => rpcSubject('notification', name);
const RPC = contracts.NOTIFICATION_RPC;

/**
 * `rpc.notification.<name>` handlers, one per name in `NOTIFICATION_RPC`. Every one acts on the
 * caller's own inbox and preferences (`context.actor`): there is no way to name another user's.
 */
@Controller()
export class NotificationController {
  constructor(@Inject(NOTIFICATION) private readonly service: NotificationService) {}

  @MessagePattern(rpc(RPC.listNotifications))
  listNotifications(@Payload() { input, context }: RpcRequest) {
    const query = parseWith(contracts.ListNotificationsQuery, input);
    return listNotifications(this.service.store.pool, this.service.schema, actorOf(context).userId, query);
  }

  @MessagePattern(rpc(RPC.unreadCount))
  unreadCount(@Payload() { context }: RpcRequest) {
    return unreadCountOf(this.service, context);
  }

  @MessagePattern(rpc(RPC.markRead))
  markRead(@Payload() { input, context }: RpcRequest) {
    return markRead(this.service, parseWith(contracts.NotificationId, input).notificationId, context);
  }

  @MessagePattern(rpc(RPC.markAllRead))
  markAllRead(@Payload() { context }: RpcRequest) {
    return markAllRead(this.service, context);
  }

  @MessagePattern(rpc(RPC.getPreferences))
  getPreferences(@Payload() { context }: RpcRequest) {
    return getPreferences(this.service.orm, actorOf(context).userId);
  }

  @MessagePattern(rpc(RPC.updatePreferences))
  updatePreferences(@Payload() { input, context }: RpcRequest) {
    const body = parseWith(contracts.UpdatePreferencesInput, input);
    return updatePreferences(this.service.orm, actorOf(context).userId, body);
  }
}
