import type { ticketing } from '@omni/contracts';
import { asDomainEvent, type StoredEvent, type Tx } from '@omni/event-store';
import { tableExists, type Projection, type TableNames } from '@omni/projections';

type TicketEvent = ticketing.TicketEvent;

/**
 * One row per ticket with its history and comments (GET /tickets/{id}, GET /tickets), and the SLA
 * timer of every ticket whose clock runs, kept in the same transaction as its status: the timer row
 * exists exactly while the ticket is open, assigned or in progress and not yet breached.
 */
export const ticketDetailsProjection: Projection = {
  name: 'tickets',
  tables: ['ticket_list', 'sla_timers'],

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['ticket_list']!)) return;
    const list = t['ticket_list']!;
    await tx.query(`
      CREATE TABLE ${list} (
        id uuid PRIMARY KEY,
        number text NOT NULL,
        kind text NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        priority text NOT NULL,
        status text NOT NULL,
        incident_type_id uuid,
        facility_id uuid,
        product_id uuid,
        reporter_id uuid NOT NULL,
        assignee_staff_id uuid,
        assignee_user_id uuid,
        opened_at timestamptz NOT NULL,
        sla_due_at timestamptz NOT NULL,
        held_since timestamptz,
        sla_breached boolean NOT NULL DEFAULT false,
        resolution text,
        history jsonb NOT NULL,
        comments jsonb NOT NULL DEFAULT '[]',
        version int NOT NULL
      );
      CREATE UNIQUE INDEX ON ${list} (number);
      CREATE INDEX ON ${list} (status, id);
      CREATE INDEX ON ${list} (assignee_staff_id, id);
      CREATE INDEX ON ${list} (facility_id, id);
      CREATE INDEX ON ${list} (reporter_id, id);
      CREATE INDEX ON ${list} (assignee_user_id, id);
      CREATE INDEX ON ${list} USING gin ((number || ' ' || title || ' ' || description) gin_trgm_ops);
      CREATE TABLE ${t['sla_timers']} (ticket_id uuid PRIMARY KEY, due_at timestamptz NOT NULL);
      CREATE INDEX ON ${t['sla_timers']} (due_at);`);
  },

  async apply(tx: Tx, event: StoredEvent, t: TableNames) {
    const e = asDomainEvent<TicketEvent>(event);
    if (!event.streamId.startsWith('ticket-')) return; // counters and incident types have their own models
    const list = t['ticket_list']!;
    const id = e.data.ticketId;
    const by = event.metadata.actorId ?? null;
    const entry = (status: ticketing.TicketStatus, reason?: string | null) =>
      JSON.stringify([{ status, at: event.recordedAt.toISOString(), by, ...(reason ? { reason } : {}) }]);
    const timer = new SlaTimer(tx, t['sla_timers']!, list, id);
    const moveTo = async (
      status: ticketing.TicketStatus,
      reason?: string | null,
      set = '',
      values: unknown[] = [],
    ) => {
      await tx.query(
        `UPDATE ${list} SET status = $2, history = history || $3::jsonb, version = $4${set} WHERE id = $1`,
        [id, status, entry(status, reason), event.streamVersion, ...values],
      );
    };
    switch (e.type) {
      case 'opened': {
        const d = e.data;
        await tx.query(
          `INSERT INTO ${list} (id, number, kind, title, description, priority, status, incident_type_id, facility_id,
             product_id, reporter_id, opened_at, sla_due_at, history, version)
           VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (id) DO NOTHING`,
          [
            id,
            d.number,
            d.kind,
            d.title,
            d.description,
            d.priority,
            d.incidentTypeId,
            d.facilityId,
            d.productId,
            d.reporterId,
            d.openedAt,
            d.slaDueAt,
            entry('open'),
            event.streamVersion,
          ],
        );
        return timer.arm(d.slaDueAt);
      }
      case 'assigned':
        return moveTo('assigned', null, ', assignee_staff_id = $5, assignee_user_id = $6', [
          e.data.staffId,
          e.data.assigneeUserId,
        ]);
      case 'started':
        return moveTo('in_progress');
      case 'held':
        await moveTo('on_hold', e.data.reason, ', held_since = $5', [e.data.heldAt]);
        return timer.disarm();
      case 'resumed':
        await moveTo('in_progress', null, ', held_since = NULL, sla_due_at = $5', [e.data.slaDueAt]);
        return timer.arm(e.data.slaDueAt);
      case 'resolved':
        await moveTo('resolved', null, ', resolution = $5', [e.data.resolution]);
        return timer.disarm();
      case 'reopened':
        await moveTo('in_progress', e.data.reason);
        return timer.arm(e.data.slaDueAt);
      case 'closed':
        return moveTo('closed');
      case 'cancelled':
        await moveTo('cancelled', e.data.reason);
        return timer.disarm();
      case 'commented': {
        const d = e.data;
        const comment = {
          id: d.commentId,
          authorId: d.authorId,
          body: d.body,
          internal: d.internal,
          at: event.recordedAt.toISOString(),
        };
        await tx.query(`UPDATE ${list} SET comments = comments || $2::jsonb, version = $3 WHERE id = $1`, [
          id,
          JSON.stringify([comment]),
          event.streamVersion,
        ]);
        return;
      }
      case 'updated': {
        const { title, description, priority } = e.data.changes;
        await tx.query(
          `UPDATE ${list} SET title = coalesce($2, title), description = coalesce($3, description),
             priority = coalesce($4, priority), sla_due_at = $5, version = $6 WHERE id = $1`,
          [id, title ?? null, description ?? null, priority ?? null, e.data.slaDueAt, event.streamVersion],
        );
        return timer.move(e.data.slaDueAt);
      }
      case 'sla_breached':
        await tx.query(`UPDATE ${list} SET sla_breached = true, version = $2 WHERE id = $1`, [
          id,
          event.streamVersion,
        ]);
        return timer.disarm();
      default:
        return;
    }
  },
};

/** The breach timer's row: fired by service-kit's durable timers at `due_at` (application/sla-timer.ts). */
class SlaTimer {
  constructor(
    private readonly tx: Tx,
    private readonly table: string,
    private readonly list: string,
    private readonly ticketId: string,
  ) {}

  /** Runs the clock again, unless the ticket breached already (a breach happens once). */
  async arm(dueAt: string) {
    await this.tx.query(
      `INSERT INTO ${this.table} (ticket_id, due_at) SELECT id, $2 FROM ${this.list} WHERE id = $1 AND NOT sla_breached
       ON CONFLICT (ticket_id) DO UPDATE SET due_at = excluded.due_at`,
      [this.ticketId, dueAt],
    );
  }

  /** A new due time for a running clock (a priority change); a stopped clock stays stopped. */
  async move(dueAt: string) {
    await this.tx.query(`UPDATE ${this.table} SET due_at = $2 WHERE ticket_id = $1`, [this.ticketId, dueAt]);
  }

  async disarm() {
    await this.tx.query(`DELETE FROM ${this.table} WHERE ticket_id = $1`, [this.ticketId]);
  }
}
