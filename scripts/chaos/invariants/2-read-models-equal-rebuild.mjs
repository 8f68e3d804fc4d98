// Each service's read models, built live through the kills and the NATS restart, have the rows a
// rebuild from its event log gives (`omni replay <service> --dry-run`: the rebuild goes into shadow
// tables, is compared by row count per table, and dropped).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

/** `omni replay <service> --dry-run --json`, tried 3 times: a replica may still be restarting. */
async function replay(root, system, service) {
  for (let attempt = 1; ; attempt++) {
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [path.join(root, 'packages/cli/bin/omni.js'), '--json', 'replay', service, '--dry-run'],
        { cwd: root, env: { ...process.env, NATS_URL: system.nats.url, DATABASE_URL: system.database.url } },
      );
      return stdout;
    } catch (error) {
      if (attempt === 3) throw error;
      await new Promise((r) => setTimeout(r, 10_000));
    }
  }
}

/** Tables whose live and rebuilt row counts differ, as `<service> <table>: live …, rebuilt …`. */
async function mismatches(root, system, service, compared) {
  const summary = (await replay(root, system, service))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .find((r) => r.projections);
  const problems = [];
  for (const projection of summary?.projections ?? []) {
    for (const [table, { rebuilt, live }] of Object.entries(projection.rows)) {
      compared.add(`${service}.${table}`);
      if (rebuilt !== live) problems.push(`${service} ${table}: live ${live}, rebuilt ${rebuilt}`);
    }
  }
  return problems;
}

/** Read models fed by another service's stream follow it (eventually): a lag after the faults is
 *  given time to close; a difference that stays is a lost or doubled event. */
const ATTEMPTS = 6;
const BETWEEN_ATTEMPTS_MS = 5_000;

export default {
  name: 'read models equal a rebuild (omni replay --dry-run)',
  async check({ services, system, root }) {
    const compared = new Set();
    const problems = [];
    let retried = 0;
    for (const service of services.filter((s) => s !== 'gateway')) {
      let found = await mismatches(root, system, service, compared);
      for (let attempt = 2; found.length > 0 && attempt <= ATTEMPTS; attempt++) {
        retried++;
        await new Promise((r) => setTimeout(r, BETWEEN_ATTEMPTS_MS));
        found = await mismatches(root, system, service, compared);
      }
      problems.push(...found);
    }
    if (compared.size === 0) return { status: 'fail', detail: 'no read model compared' };
    const caughtUp = retried ? ` (${retried} comparison(s) repeated while a stream-fed model caught up)` : '';
    return problems.length
      ? { status: 'fail', detail: `${problems.join('; ')}, still after ${ATTEMPTS} comparisons` }
      : {
          status: 'pass',
          detail: `${compared.size} tables in ${services.length - 1} services: same row counts${caughtUp}`,
        };
  },
};
