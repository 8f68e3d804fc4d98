import { jetstreamManager } from '@nats-io/jetstream';
import { SERVICES, streamName } from '@omni/contracts';
import { readStreamHead } from '@omni/event-store';
import type pg from 'pg';
import { withNats, withPostgres, type Output } from '../context.js';

interface StreamReport {
  readonly name: string;
  readonly messages: number;
  readonly lastSeq: number;
  readonly bytes: number;
  readonly consumers: { name: string; pending: number; ackPending: number; redelivered: number }[];
  /** Committed events of the service not yet in its stream; absent when its events table cannot be read. */
  readonly relayLag?: number;
}

/** `omni streams`: every stream, its consumers with pending counts, and each service's relay lag. */
export async function streams(out: Output) {
  const reports = await withNats(async (nats) => {
    const jsm = await jetstreamManager(nats);
    return withPostgres(async (pool) => {
      const result: StreamReport[] = [];
      for await (const info of jsm.streams.list()) {
        const consumers = [];
        for await (const c of jsm.consumers.list(info.config.name)) {
          consumers.push({
            name: c.name,
            pending: c.num_pending,
            ackPending: c.num_ack_pending,
            redelivered: c.num_redelivered,
          });
        }
        const service = SERVICES.find((s) => streamName(s) === info.config.name);
        const relayLag = service ? await unpublished(pool, jsm, service).catch(() => undefined) : undefined;
        result.push({
          name: info.config.name,
          messages: info.state.messages,
          lastSeq: info.state.last_seq,
          bytes: info.state.bytes,
          consumers,
          ...(relayLag === undefined ? {} : { relayLag }),
        });
      }
      return result;
    });
  });
  out.result(reports, () =>
    reports
      .map((s) =>
        [
          `${s.name}: ${s.messages} messages, last seq ${s.lastSeq}, ${(s.bytes / 1024).toFixed(0)} KiB${s.relayLag === undefined ? '' : `, relay lag ${s.relayLag} events`}`,
          ...s.consumers.map(
            (c) =>
              `  ${c.name}: ${c.pending} pending, ${c.ackPending} awaiting ack, ${c.redelivered} redelivered`,
          ),
        ].join('\n'),
      )
      .join('\n'),
  );
}

async function unpublished(
  pool: pg.Pool,
  jsm: Awaited<ReturnType<typeof jetstreamManager>>,
  service: string,
): Promise<number> {
  const head = await readStreamHead(jsm, streamName(service));
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${service}.events WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)`,
    [head.position.transactionId.toString(), head.position.globalPosition.toString()],
  );
  return rows[0]!.n;
}
