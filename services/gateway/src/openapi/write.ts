/**
 * `npm run openapi -w @omni/gateway`: writes docs/openapi.json from the route table, without
 * starting anything. packages/client generates its types from that file; CI fails when either is stale.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRoutes, type RouteDependencies } from '../routes/index.js';
import { buildOpenApiDocument } from './document.js';

const here = dirname(fileURLToPath(import.meta.url));
const target = resolve(here, '../../../../docs/openapi.json');
const { version } = JSON.parse(readFileSync(resolve(here, '../../package.json'), 'utf8')) as {
  version: string;
};

// Generating the document reads the routes' schemas only; no handler runs, so no dependency is needed.
const notNeeded = new Proxy(
  {},
  {
    get: () => {
      throw new Error('not available while generating OpenAPI');
    },
  },
);
const routes = allRoutes({ auth: notNeeded, rpc: notNeeded, mobile: notNeeded } as RouteDependencies);
const document = `${JSON.stringify(buildOpenApiDocument(routes, version), null, 2)}\n`;
if (process.argv.includes('--check')) {
  const current = (() => {
    try {
      return readFileSync(target, 'utf8');
    } catch {
      return '';
    }
  })();
  if (current !== document) {
    process.stderr.write(
      'docs/openapi.json is stale: run `npm run openapi -w @omni/gateway` and commit it\n',
    );
    process.exit(1);
  }
  process.stdout.write('docs/openapi.json is up to date\n');
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, document);
  process.stdout.write(`wrote ${target}\n`);
}
