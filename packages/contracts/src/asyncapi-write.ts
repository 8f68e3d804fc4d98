/**
 * `npm run asyncapi -w @omni/contracts` writes docs/asyncapi.json from the event schemas;
 * `--check` fails when the checked-in file is stale (run by `npm run check:generated`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAsyncApiDocument } from './asyncapi.js';

const here = dirname(fileURLToPath(import.meta.url));
const target = resolve(here, '../../../docs/asyncapi.json');
// The gateway serves the document with its own version; the checked-in copy must equal what it serves.
const gatewayPackage = resolve(here, '../../../services/gateway/package.json');
const { version } = JSON.parse(readFileSync(gatewayPackage, 'utf8')) as { version: string };
const document = `${JSON.stringify(buildAsyncApiDocument(version), null, 2)}\n`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== document) {
    process.stderr.write(
      'docs/asyncapi.json is stale: run `npm run asyncapi -w @omni/contracts` and commit it\n',
    );
    process.exit(1);
  }
  process.stdout.write('docs/asyncapi.json is up to date\n');
} else {
  writeFileSync(target, document);
  process.stdout.write(`wrote ${target}\n`);
}
