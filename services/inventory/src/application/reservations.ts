import {
  BusinessRuleError,
  NotFoundError,
  isOmniError,
  type OmniError,
  type RpcContext,
  type inventory,
} from '@omni/contracts';
import { runCommand, type AppendToStream, type CommandSession, type NewEvent } from '@omni/event-store';
import { asDomainEvent } from '@omni/event-store';
import { productDecider } from '../domain/product/decider.js';
import { availableAt, type ProductState } from '../domain/product/state.js';
import { reservationDecider, type ReservationCommand } from '../domain/reservation/decider.js';
import { metadataFrom, type Inventory } from './context.js';
import { requireLocation } from './locations.js';
import { productStream } from './products.js';

export const reservationStream = (orderId: string) => `reservation-${orderId}`;

/**
 * Reserves every line of an order at one location, all or nothing: the product streams and the
 * reservation stream are appended in one transaction. A line that cannot be reserved turns the
 * whole reservation into `rejected` (with the failing lines) and reserves nothing.
 */
export async function reserveStock(
  inventory: Inventory,
  input: inventory.ReserveStockInput,
  context: RpcContext,
): Promise<inventory.Reservation> {
  await requireLocation(inventory, input.locationId);
  const metadata = metadataFrom(context);
  const lines = mergeLines(input.lines);
  return runCommand(inventory.store, async (session) => {
    const reservation = await session.load(reservationStream(input.orderId), reservationDecider);
    const products: AppendToStream[] = [];
    const failedLines: inventory.FailedReservationLine[] = [];
    let reason = 'insufficient_stock';
    for (const line of lines) {
      const outcome = await decideReserve(session, input, line);
      if ('refusal' in outcome) {
        failedLines.push({
          productId: line.productId,
          requested: line.quantity,
          available: outcome.available,
        });
        if (outcome.refusal.code !== 'insufficient_stock') reason = outcome.refusal.code;
      } else {
        products.push(outcome.append);
      }
    }
    const { orderId, locationId } = input;
    const command: ReservationCommand = failedLines.length
      ? { type: 'RejectReservation', data: { orderId, locationId, reason, failedLines } }
      : { type: 'ConfirmReservation', data: { orderId, locationId, lines } };
    const reservationEvents = orThrow(reservationDecider.decide(command, reservation.state));
    const streams = [
      ...(failedLines.length ? [] : products),
      {
        streamId: reservationStream(orderId),
        expectedVersion: reservation.version,
        events: reservationEvents,
      },
    ].map((s) => ({ ...s, events: s.events.map((e) => ({ ...e, metadata })) }));
    await inventory.project(session.tx, await session.append(streams));
    return {
      orderId,
      locationId,
      status: failedLines.length ? 'rejected' : 'confirmed',
      lines,
      failedLines,
      reason: failedLines.length ? reason : null,
    };
  });
}

type ReserveOutcome =
  { readonly append: AppendToStream } | { readonly refusal: OmniError; readonly available: number };

async function decideReserve(
  session: CommandSession,
  input: inventory.ReserveStockInput,
  line: inventory.ReservationLine,
): Promise<ReserveOutcome> {
  const { state, version } = await session.load(productStream(line.productId), productDecider);
  const command = {
    type: 'ReserveStock',
    orderId: input.orderId,
    locationId: input.locationId,
    ...line,
  } as const;
  const decided = productDecider.decide(command, state);
  if (!Array.isArray(decided)) {
    return { refusal: decided as OmniError, available: availableOf(state, input.locationId) };
  }
  return {
    append: {
      streamId: productStream(line.productId),
      expectedVersion: version,
      events: decided as NewEvent[],
    },
  };
}

/** Releases (order cancelled) or commits (order shipped) every line of a confirmed reservation. */
export async function closeReservation(
  inventory: Inventory,
  orderId: string,
  how: 'release' | 'commit',
  context: RpcContext,
): Promise<inventory.Reservation> {
  const metadata = metadataFrom(context);
  return runCommand(inventory.store, async (session) => {
    const reservation = await session.load(reservationStream(orderId), reservationDecider);
    if (reservation.state.status === 'none' && how === 'commit') {
      throw new NotFoundError('No reservation for this order', 'reservation_not_found');
    }
    const type = how === 'release' ? 'ReleaseReservation' : 'CommitReservation';
    const closing = orThrow(reservationDecider.decide({ type, orderId }, reservation.state));
    // A release before any reservation holds no lines: it only leaves the tombstone.
    const { lines, locationId } =
      'lines' in reservation.state ? reservation.state : { lines: [], locationId: '' };
    const streams: AppendToStream[] = [
      {
        streamId: reservationStream(orderId),
        expectedVersion: reservation.version,
        events: closing as NewEvent[],
      },
    ];
    for (const line of lines) {
      const product = await session.load(productStream(line.productId), productDecider);
      const events = orThrow(
        productDecider.decide({ type, orderId, productId: line.productId }, product.state),
      );
      streams.push({
        streamId: productStream(line.productId),
        expectedVersion: product.version,
        events: events as NewEvent[],
      });
    }
    const withMetadata = streams.map((s) => ({ ...s, events: s.events.map((e) => ({ ...e, metadata })) }));
    await inventory.project(session.tx, await session.append(withMetadata));
    return {
      orderId,
      locationId,
      status: how === 'release' ? 'released' : 'committed',
      lines: [...lines],
      failedLines: [],
      reason: null,
    };
  });
}

export async function getReservation(inventory: Inventory, orderId: string): Promise<inventory.Reservation> {
  const events = await inventory.store.readStream(reservationStream(orderId));
  const state = events
    .map((e) => asDomainEvent<inventory.ReservationEvent>(e))
    .reduce(reservationDecider.evolve, reservationDecider.initialState);
  if (state.status === 'none')
    throw new NotFoundError('No reservation for this order', 'reservation_not_found');
  const first = events[0]!.data as Partial<inventory.ReservationRejected & inventory.ReservationConfirmed>;
  return {
    orderId,
    locationId: first.locationId ?? '',
    status: state.status,
    lines: 'lines' in state ? [...state.lines] : [],
    failedLines: [...(first.failedLines ?? [])],
    reason: first.reason ?? null,
  };
}

function mergeLines(lines: readonly inventory.ReservationLine[]): inventory.ReservationLine[] {
  const merged = new Map<string, number>();
  for (const { productId, quantity } of lines) merged.set(productId, (merged.get(productId) ?? 0) + quantity);
  return [...merged].map(([productId, quantity]) => ({ productId, quantity }));
}

function availableOf(state: ProductState, locationId: string): number {
  return state.status === 'registered' ? availableAt(state, locationId) : 0;
}

function orThrow<E>(outcome: readonly E[] | OmniError): readonly E[] {
  if (Array.isArray(outcome)) return outcome;
  throw isOmniError(outcome) ? outcome : new BusinessRuleError('refused', String(outcome));
}
