import type { CloudEvent } from '@omni/contracts';
import { causedBy } from '@omni/messaging';
import { decideOnOrder, type Orders } from '../application/orders.js';
import type { OrderCommand } from '../domain/order/decider.js';

/**
 * Every reaction of orders asks for an order command: the decider makes it idempotent (a late or
 * repeated one decides nothing), and its events are caused by the event reacted to.
 */
export function executeOrderCommand(orders: Orders) {
  return async (command: OrderCommand, cause: CloudEvent): Promise<void> => {
    await decideOnOrder(orders, command, causedBy(cause));
  };
}
