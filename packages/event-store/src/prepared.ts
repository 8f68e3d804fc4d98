import { createHash } from 'node:crypto';
import type { QueryConfig } from 'pg';

const names = new Map<string, string>();

/**
 * A statement that runs often, as a prepared statement: each connection parses and plans its text once
 * instead of on every call. Parsing, analysis and planning were a third of PostgreSQL's CPU under a
 * receipts load (bench/README.md, "Fewer statements per command, …"), and the hot
 * statements are fixed texts with array parameters, so one plan fits every call.
 *
 * The name is derived from the text, so a text has one name on every connection and two texts never
 * share one (node-postgres refuses a name reused for another text). Only for texts from a bounded set
 * (a schema or table name interpolated, never user input): each distinct text stays prepared on every
 * connection that ran it.
 */
export function prepared(text: string, values: readonly unknown[] = []): QueryConfig {
  let name = names.get(text);
  if (name === undefined) {
    name = `omni_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return { name, text, values: values as unknown[] };
}
