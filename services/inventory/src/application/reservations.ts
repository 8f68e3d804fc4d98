import {
  BusinessRuleError,
  NotFoundError,
  isOmniError,
  type DomainEvent,
  type OmniError,
  type RpcContext,
  type inventory,
} from '@omni/contracts';
import { asDomainEvent, type CommandOutcome, type CommandSession } from '@omni/event-store';
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
  const lines = mergeLines(input.lines);
  const { orderId, locationId } = input;
  const outcome = await inventory.commands.execute({
    streams: [reservationStream(orderId), ...lines.map((l) => productStream(l.productId))],
    metadata: metadataFrom(context),
    async run(session): Promise<inventory.Reservation> {
      const reservation = await session.load(reservationStream(orderId), reservationDecider);
      const decided = await Promise.all(lines.map((line) => decideReserve(session, input, line)));
      const failedLines = decided.flatMap((d, i) =>
        'refusal' in d
          ? [{ productId: lines[i]!.productId, requested: lines[i]!.quantity, available: d.available }]
          : [],
      );
      const reason =
        decided
          .map((d) => ('refusal' in d ? d.refusal.code : undefined))
          .find((c) => c && c !== 'insufficient_stock') ?? 'insufficient_stock';
      const command: ReservationCommand = failedLines.length
        ? { type: 'RejectReservation', data: { orderId, locationId, reason, failedLines } }
        : { type: 'ConfirmReservation', data: { orderId, locationId, lines } };
      session.append(
        reservationStream(orderId),
        orThrow(reservationDecider.decide(command, reservation.state)),
      );
      if (!failedLines.length) {
        for (const d of decided) if ('events' in d) session.append(d.streamId, d.events);
      }
      return {
        orderId,
        locationId,
        status: failedLines.length ? 'rejected' : 'confirmed',
        lines,
        failedLines,
        reason: failedLines.length ? reason : null,
      };
    },
  });
  return resultOf(outcome);
}

type ReserveOutcome =
  | { readonly streamId: string; readonly events: readonly DomainEvent[] }
  | { readonly refusal: OmniError; readonly available: number };

/** Decides one line's reservation against its product, without appending: all lines or none. */
async function decideReserve(
  session: CommandSession,
  input: inventory.ReserveStockInput,
  line: inventory.ReservationLine,
): Promise<ReserveOutcome> {
  const streamId = productStream(line.productId);
  const { state } = await session.load(streamId, productDecider);
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
  return { streamId, events: decided };
}

/** Releases (order cancelled) or commits (order shipped) every line of a confirmed reservation. */
export async function closeReservation(
  inventory: Inventory,
  orderId: string,
  how: 'release' | 'commit',
  context: RpcContext,
): Promise<inventory.Reservation> {
  const outcome = await inventory.commands.execute({
    streams: [reservationStream(orderId)],
    metadata: metadataFrom(context),
    async run(session): Promise<inventory.Reservation> {
      const reservation = await session.load(reservationStream(orderId), reservationDecider);
      if (reservation.state.status === 'none' && how === 'commit') {
        throw new NotFoundError('No reservation for this order', 'reservation_not_found');
      }
      const type = how === 'release' ? 'ReleaseReservation' : 'CommitReservation';
      session.append(
        reservationStream(orderId),
        orThrow(reservationDecider.decide({ type, orderId }, reservation.state)),
      );
      // A release before any reservation holds no lines: it only leaves the tombstone.
      const { lines, locationId } =
        'lines' in reservation.state ? reservation.state : { lines: [], locationId: null };
      for (const line of lines) {
        const streamId = productStream(line.productId);
        const product = await session.load(streamId, productDecider);
        session.append(
          streamId,
          orThrow(productDecider.decide({ type, orderId, productId: line.productId }, product.state)),
        );
      }
      return {
        orderId,
        locationId,
        status: how === 'release' ? 'released' : 'committed',
        lines: [...lines],
        failedLines: [],
        reason: null,
      };
    },
  });
  return resultOf(outcome);
}

/** Reservations are decided by events from orders, never with an idempotency key: never replayed. */
function resultOf(outcome: CommandOutcome<inventory.Reservation>): inventory.Reservation {
  if (outcome.replayed) throw new Error('a reservation command has no idempotency key to replay');
  return outcome.result;
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
    locationId: first.locationId ?? null,
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
