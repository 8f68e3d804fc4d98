import { NotFoundError, cursorKey, pageOf, ticketing, type Actor, type Page } from '@omni/contracts';
import type { Pool, PoolClient } from 'pg';
import { containsPattern } from '@omni/projections';

interface TicketRow {
  id: string;
  number: string;
  kind: ticketing.TicketKind;
  title: string;
  description: string;
  priority: ticketing.TicketPriority;
  status: ticketing.TicketStatus;
  incident_type_id: string | null;
  facility_id: string | null;
  facility_name: string | null;
  product_id: string | null;
  product_name: string | null;
  reporter_id: string;
  assignee_staff_id: string | null;
  assignee_user_id: string | null;
  assignee_name: string | null;
  opened_at: Date;
  live_sla_due_at: Date;
  sla_breached: boolean;
  resolution: string | null;
  history: ticketing.Ticket['history'];
  comments: ticketing.TicketComment[];
  version: number;
}

/**
 * A ticket as its reader sees it: names of its facility, product and assignee from ticketing's own
 * views, and slaDueAt moved on by a hold still running (the clock is stopped now, so the due time
 * slides with it).
 */
const selectTickets = (schema: string, columns = 't.*') => `
  SELECT ${columns}, f.name AS facility_name, p.name AS product_name, s.name AS assignee_name,
         CASE WHEN t.held_since IS NULL THEN t.sla_due_at ELSE t.sla_due_at + (now() - t.held_since) END AS live_sla_due_at
    FROM ${schema}.ticket_list t
    LEFT JOIN ${schema}.facility_view f ON f.id = t.facility_id
    LEFT JOIN ${schema}.product_view p ON p.id = t.product_id
    LEFT JOIN ${schema}.staff_view s ON s.staff_id = t.assignee_staff_id`;

/** A ticket the caller may not see is answered like one that does not exist. */
export async function getTicket(
  db: Pool | PoolClient,
  schema: string,
  ticketId: string,
  actor: Actor,
): Promise<ticketing.Ticket> {
  const { rows } = await db.query<TicketRow>(`${selectTickets(schema)} WHERE t.id = $1`, [ticketId]);
  const row = rows[0];
  if (!row || !ticketing.maySeeTicket(actor, audienceOf(row))) {
    throw new NotFoundError('There is no such ticket', 'ticket_not_found');
  }
  const internalToo = ticketing.maySeeInternalComments(actor, audienceOf(row));
  return {
    ...toSummary(row),
    history: row.history,
    comments: row.comments.filter((comment) => internalToo || !comment.internal),
  };
}

/** Newest first (ids are UUID v7), only the tickets the caller may see. */
export async function listTickets(
  db: Pool | PoolClient,
  schema: string,
  query: ticketing.ListTicketsQuery,
  actor: Actor,
): Promise<Page<ticketing.TicketSummary>> {
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const where: string[] = [];
  const equals = (column: string, value: unknown) => {
    if (value !== undefined) where.push(`t.${column} = ${param(value)}`);
  };
  equals('status', query.status);
  equals('kind', query.kind);
  equals('priority', query.priority);
  equals('assignee_staff_id', query.assigneeId);
  equals('facility_id', query.facilityId);
  equals('sla_breached', query.breached);
  if (query.q !== undefined) {
    where.push(
      `(t.number || ' ' || t.title || ' ' || t.description) ILIKE ${param(containsPattern(query.q))}`,
    );
  }
  if (query.unresolved) where.push(`t.status NOT IN ('resolved', 'closed', 'cancelled')`);
  if (query.mine || !actor.roles.some((role) => ticketing.TICKET_READER_ROLES.includes(role))) {
    const me = param(actor.userId);
    where.push(`(t.reporter_id = ${me} OR t.assignee_user_id = ${me})`);
  }
  const before = cursorKey(query.cursor, ['string'])?.[0];
  if (before !== undefined) where.push(`t.id < ${param(before)}::uuid`);
  const columns =
    't.id, t.number, t.kind, t.title, t.description, t.priority, t.status, t.incident_type_id, t.facility_id, t.product_id, t.reporter_id, t.assignee_staff_id, t.assignee_user_id, t.opened_at, t.sla_due_at, t.held_since, t.sla_breached, t.resolution, t.version';
  const { rows } = await db.query<TicketRow>(
    `${selectTickets(schema, columns)} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY t.id DESC LIMIT ${param(query.limit + 1)}`,
    values,
  );
  return pageOf(rows, query.limit, (row) => [row.id], toSummary);
}

const audienceOf = (row: TicketRow) => ({
  reporterId: row.reporter_id,
  assigneeUserId: row.assignee_user_id,
});

function toSummary(row: TicketRow): ticketing.TicketSummary {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    title: row.title,
    description: row.description,
    priority: row.priority,
    status: row.status,
    incidentTypeId: row.incident_type_id,
    facility: row.facility_id ? { id: row.facility_id, name: row.facility_name } : null,
    product: row.product_id ? { id: row.product_id, name: row.product_name } : null,
    reporter: { id: row.reporter_id },
    assignee: row.assignee_staff_id
      ? { staffId: row.assignee_staff_id, userId: row.assignee_user_id, name: row.assignee_name }
      : null,
    openedAt: row.opened_at.toISOString(),
    slaDueAt: row.live_sla_due_at.toISOString(),
    slaBreached: row.sla_breached,
    resolution: row.resolution,
    version: row.version,
  };
}
