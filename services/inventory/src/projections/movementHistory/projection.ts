import type { inventory } from '@omni/contracts';
import type { StoredEvent, Tx } from '@omni/event-store';
import { asDomainEvent, prepared } from '@omni/event-store';
import { tableExists, type Projection, type TableNames } from '@omni/projections';
import { stockDeltas } from '../productList/fold.js';

/**
 * Every change of on-hand stock, newest first per product. Reservations and releases only move
 * stock between available and reserved, so they are not movements; a committed reservation is.
 */
export const movementHistoryProjection: Projection = {
  name: 'movements',
  tables: ['movements'],

  async createTables(tx: Tx, t: TableNames) {
    const movements = t['movements']!;
    if (await tableExists(tx, movements)) return;
    await tx.query(`
      CREATE TABLE ${movements} (
        product_id uuid NOT NULL,
        stream_version int NOT NULL,
        line smallint NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        location_id uuid NOT NULL,
        quantity_delta int NOT NULL,
        reference text,
        reason text,
        order_id uuid,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (product_id, stream_version, line)
      );`);
  },

  applyBatch: applyMovements,

  apply: (tx: Tx, event: StoredEvent, t: TableNames) => applyMovements(tx, [event], t),
};

interface MovementRow {
  readonly productId: string;
  readonly streamVersion: number;
  readonly line: number;
  readonly eventId: string;
  readonly eventType: string;
  readonly locationId: string;
  readonly quantityDelta: number;
  readonly reference: string | null;
  readonly reason: string | null;
  readonly orderId: string | null;
  readonly recordedAt: Date;
}

function movementsOf(event: StoredEvent): MovementRow[] {
  if (!event.streamId.startsWith('product-')) return [];
  const d = event.data as Record<string, unknown>;
  return stockDeltas(asDomainEvent<inventory.ProductEvent>(event))
    .filter((move) => move.onHand !== 0)
    .map((move, line) => ({
      productId: d['productId'] as string,
      streamVersion: event.streamVersion,
      line,
      eventId: event.eventId,
      eventType: event.eventType,
      locationId: move.locationId,
      quantityDelta: move.onHand,
      reference: (d['reference'] as string | undefined) ?? null,
      reason: (d['reason'] as string | undefined) ?? null,
      orderId: (d['orderId'] as string | undefined) ?? null,
      recordedAt: event.recordedAt,
    }));
}

/** Commands (one event) and rebuilds (thousands) take the same path: one multi-row statement. */
async function applyMovements(tx: Tx, events: readonly StoredEvent[], t: TableNames): Promise<void> {
  const rows = events.flatMap(movementsOf);
  if (rows.length === 0) return;
  const column = <K extends keyof MovementRow>(key: K) => rows.map((r) => r[key]);
  await tx.query(
    prepared(
      `INSERT INTO ${t['movements']} (product_id, stream_version, line, event_id, event_type, location_id,
       quantity_delta, reference, reason, order_id, recorded_at)
     SELECT * FROM unnest($1::uuid[], $2::int[], $3::smallint[], $4::uuid[], $5::text[], $6::uuid[], $7::int[],
                          $8::text[], $9::text[], $10::uuid[], $11::timestamptz[])
     ON CONFLICT DO NOTHING`,
      [
        column('productId'),
        column('streamVersion'),
        column('line'),
        column('eventId'),
        column('eventType'),
        column('locationId'),
        column('quantityDelta'),
        column('reference'),
        column('reason'),
        column('orderId'),
        column('recordedAt'),
      ],
    ),
  );
}
