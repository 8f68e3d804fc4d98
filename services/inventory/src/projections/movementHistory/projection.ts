import type { inventory } from '@omni/contracts';
import type { StoredEvent, Tx } from '@omni/event-store';
import { asDomainEvent } from '@omni/event-store';
import type { Projection, TableNames } from '@omni/projections';
import { stockDeltas } from '../productList/projection.js';
import { tableExists } from '../tables.js';

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

  async apply(tx: Tx, event: StoredEvent, t: TableNames) {
    if (!event.streamId.startsWith('product-')) return;
    const e = asDomainEvent<inventory.ProductEvent>(event);
    const moves = stockDeltas(e).filter((d) => d.onHand !== 0);
    const d = event.data as Record<string, unknown>;
    for (const [line, move] of moves.entries()) {
      await tx.query(
        `INSERT INTO ${t['movements']} (product_id, stream_version, line, event_id, event_type, location_id,
           quantity_delta, reference, reason, order_id, recorded_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) ON CONFLICT DO NOTHING`,
        [
          d['productId'],
          event.streamVersion,
          line,
          event.eventId,
          event.eventType,
          move.locationId,
          move.onHand,
          d['reference'] ?? null,
          d['reason'] ?? null,
          d['orderId'] ?? null,
          event.recordedAt,
        ],
      );
    }
  },
};
