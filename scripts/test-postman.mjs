#!/usr/bin/env node
// `npm run test:postman`: runs the generated Postman collection (docs/postman) with newman against
// the whole system, started as `npm start` starts it (scripts/start.js) on a fresh database and a
// private nats-server (startSystem from @omni/testing), then stops it. Exit code 1 when any request
// fails its test. With OMNI_BASE_URL set (e.g. http://localhost:8080) it runs against that system
// instead and starts nothing; OMNI_ADMIN_EMAIL / OMNI_ADMIN_PASSWORD name the account it logs in as.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import newman from 'newman';
import { withPrivateSystem } from './lib/private-system.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const collection = path.join(root, 'docs', 'postman', 'omni.postman_collection.json');

/** Runs the collection against `baseUrl`; resolves with newman's summary. */
async function runCollection(baseUrl) {
  console.log(`newman: running ${path.relative(root, collection)} against ${baseUrl}`);
  return promisify(newman.run)({
    collection,
    reporters: ['cli'],
    envVar: [
      { key: 'baseUrl', value: `${baseUrl}/api/v1` },
      { key: 'email', value: process.env.OMNI_ADMIN_EMAIL ?? 'admin@omni.local' },
      { key: 'password', value: process.env.OMNI_ADMIN_PASSWORD ?? 'omni-admin' },
    ],
  });
}

const summary = process.env.OMNI_BASE_URL
  ? await runCollection(process.env.OMNI_BASE_URL)
  : await withPrivateSystem(
      // Access tokens shorter than the collection's 30 s renewal margin: every request goes through
      // its scripted refresh, so the run proves it.
      { readyTimeoutMs: 300_000, env: { ACCESS_TOKEN_TTL_SECONDS: '20' } },
      (system) => runCollection(system.baseUrl),
    );
process.exit(summary.run.failures.length === 0 ? 0 : 1);
