// Each service's read models, built live through the kills and the NATS restart, have the rows a
// rebuild gives (`omni replay <service> --dry-run`: the rebuild goes into shadow tables, is compared
// by row count per table, and dropped). A model fed by its own log is rebuilt from the log; one fed
// by another service's stream is rebuilt up to the live model's checkpoint, so a model that still
// lags behind its stream is compared at the point it has reached: any difference is a lost or
// doubled event.
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

export default {
  name: 'read models equal a rebuild (omni replay --dry-run)',
  async check({ services, system, root }) {
    const compared = new Set();
    const problems = [];
    for (const service of services.filter((s) => s !== 'gateway'))
      problems.push(...(await mismatches(root, system, service, compared)));
    if (compared.size === 0) return { status: 'fail', detail: 'no read model compared' };
    return problems.length
      ? { status: 'fail', detail: problems.join('; ') }
      : {
          status: 'pass',
          detail: `${compared.size} tables in ${services.length - 1} services: same row counts`,
        };
  },
};
