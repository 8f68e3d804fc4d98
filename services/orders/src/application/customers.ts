import { NotFoundError, newId, type RpcContext, type orders } from '@omni/contracts';
import { aggregateIdOf, streamCommand } from '@omni/event-store';
import { customerDecider, type CustomerCommand } from '../domain/customer/decider.js';
import { getCustomer } from '../projections/customerList/query.js';
import { customerStream, metadataFrom, type Orders } from './orders.js';

/**
 * Customers are aggregates of the orders service (docs/customers.md): their own stream carries their
 * details and the balance their orders commit them to, which placement checks against the credit limit.
 */
export async function registerCustomer(
  service: Orders,
  input: orders.RegisterCustomerInput,
  context: RpcContext,
): Promise<orders.Customer> {
  const customerId = newId();
  const outcome = await decideOnCustomer(
    service,
    {
      type: 'RegisterCustomer',
      customerId,
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
      creditLimit: input.creditLimit ?? null,
    },
    context,
  );
  return getCustomer(service.store.pool, service.schema, outcome);
}

export async function updateCustomer(
  service: Orders,
  customerId: string,
  changes: orders.UpdateCustomerInput,
  context: RpcContext,
): Promise<orders.Customer> {
  await decideOnCustomer(service, { type: 'UpdateCustomer', customerId, changes }, context);
  return getCustomer(service.store.pool, service.schema, customerId);
}

/** Runs a customer command from a request; answers the customer id (the first one's, when replayed). */
async function decideOnCustomer(service: Orders, command: CustomerCommand, context: RpcContext) {
  const outcome = await service.commands.execute(
    streamCommand({
      streamId: customerStream(command.customerId),
      decider: customerDecider,
      command,
      ...(command.type === 'RegisterCustomer' ? {} : { ifMissing: customerNotFound }),
      expectedVersion: context.expectedVersion,
      metadata: metadataFrom(context),
      idempotencyKey: context.idempotencyKey,
    }),
  );
  return outcome.replayed ? aggregateIdOf(outcome.streamId) : command.customerId;
}

const customerNotFound = () => new NotFoundError('There is no such customer', 'customer_not_found');
