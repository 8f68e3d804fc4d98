import { z } from 'zod';
import { ValidationError } from './errors.js';

/** `?limit=` (1..200, default 50) and `?cursor=` on every list (the REST conventions in docs/openapi.json). */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(512).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** Cursors are opaque to clients: base64url of the key the list is ordered by. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): (string | number)[] | undefined {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(key) && key.every((k) => typeof k === 'string' || typeof k === 'number')
      ? key
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The key a list's cursor carries, checked: a cursor this list did not give out is a 400 naming the
 * field, never a query with a key of the wrong kind. `undefined` when there is no cursor (first page).
 */
export function cursorKey(cursor: string | undefined, kinds: readonly ('string' | 'number')[]) {
  if (cursor === undefined) return undefined;
  const key = decodeCursor(cursor);
  if (!key || key.length !== kinds.length || key.some((part, i) => typeof part !== kinds[i])) {
    throw new ValidationError('The cursor is invalid', [
      { path: 'cursor', message: 'not a cursor this list gave out' },
    ]);
  }
  return key;
}

/** One page from rows fetched with `limit + 1`: the extra row only says there is a next page. */
export function pageOf<Row, Item>(
  rows: readonly Row[],
  limit: number,
  keyOf: (row: Row) => readonly (string | number)[],
  toItem: (row: Row) => Item,
): Page<Item> {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return {
    items: kept.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
  };
}
