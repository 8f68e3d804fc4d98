// One notification per event and recipient. The check belongs to the notification service's own
// tables, so it runs only where that service exists (services/notification with a build); elsewhere
// the table says "skipped" and why. The query is written when the service lands, here.
import { existsSync } from 'node:fs';
import path from 'node:path';

export default {
  name: 'one notification per event and recipient',
  async check({ root, services }) {
    if (!services.includes('notification') || !existsSync(path.join(root, 'services/notification/dist')))
      return { status: 'skipped', detail: 'no notification service in this build' };
    return {
      status: 'fail',
      detail: 'the notification service exists but this check has no query for it yet',
    };
  },
};
