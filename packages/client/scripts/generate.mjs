// Regenerates src/schema.ts from the gateway's OpenAPI document (docs/openapi.json).
// `--check` fails when the checked-in file is stale (CI runs it).
import openapiTS, { astToString } from 'openapi-typescript';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const documentPath = path.resolve(here, '../../../docs/openapi.json');
const target = path.resolve(here, '../src/schema.ts');

const document = JSON.parse(await readFile(documentPath, 'utf8'));
const header =
  '// Generated from docs/openapi.json by `npm run generate -w @omni/client`. Do not edit.\n/* eslint-disable */\n';
const source = header + astToString(await openapiTS(document, { defaultNonNullable: false }));

if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== source) {
    console.error(
      'packages/client/src/schema.ts is stale: run `npm run generate -w @omni/client` and commit it',
    );
    process.exit(1);
  }
  console.log('client schema is up to date');
} else {
  await writeFile(target, source);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
