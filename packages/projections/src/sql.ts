/**
 * Helpers for read-model queries that build SQL text from user input.
 */

/**
 * `text` as a literal inside a `LIKE`/`ILIKE` pattern: `%`, `_` and the escape character `\` itself
 * are escaped (PostgreSQL's default escape is `\`), so a search for `50%` or `a_b` matches those
 * characters rather than any.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** An `ILIKE` pattern matching any text that contains `text` literally. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}
