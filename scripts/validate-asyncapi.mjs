#!/usr/bin/env node
// CI: docs/asyncapi.json must be a valid AsyncAPI 3 document (the official parser, offline: the
// document has no external references). Warnings are printed; errors fail.
import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';

const text = readFileSync(new URL('../docs/asyncapi.json', import.meta.url), 'utf8');
const { document, diagnostics } = await new Parser().parse(text);
const errors = diagnostics.filter((d) => d.severity === 0);
for (const d of diagnostics)
  console.log(`${d.severity === 0 ? 'error' : 'warning'} ${d.path.join('.')}: ${d.message}`);
if (!document || errors.length > 0) {
  console.error(`docs/asyncapi.json: ${errors.length} error(s)`);
  process.exit(1);
}
console.log(
  `docs/asyncapi.json: valid AsyncAPI ${document.version()}, ${document.channels().length} channels`,
);
