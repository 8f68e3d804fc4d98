// One notification per event and recipient: every inbox (stream `inbox-<userId>`) holds at most one
// `created` per source event, whatever the redeliveries, kills and replicas (services/notification,
// README: the idempotency key `notify:<sourceEventId>:<recipient>`). Skipped where the build has no
// notification service.
import { existsSync } from 'node:fs';
import path from 'node:path';

export default {
  name: 'one notification per event and recipient',
  async check({ root, services, db }) {
    if (!services.includes('notification') || !existsSync(path.join(root, 'services/notification/dist')))
      return { status: 'skipped', detail: 'no notification service in this build' };
    const { rows: twice } = await db.query(`
      SELECT stream_id, data->>'sourceEventId' AS source, count(*)::int AS n
        FROM notification.events WHERE event_type = 'created'
       GROUP BY 1, 2 HAVING count(*) > 1`);
    const { rows: total } = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT data->>'sourceEventId')::int AS sources
         FROM notification.events WHERE event_type = 'created'`,
    );
    if (twice.length)
      return {
        status: 'fail',
        detail: twice
          .slice(0, 5)
          .map((r) => `${r.stream_id} has ${r.n} notifications of event ${r.source}`)
          .join('; '),
      };
    return {
      status: 'pass',
      detail: `${total[0].n} notifications of ${total[0].sources} source events: none twice for one recipient`,
    };
  },
};
