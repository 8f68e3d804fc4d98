/**
 * JSON text already made for a value that is shared between answers and never changes (a frozen
 * cached BFF section): an answer that contains it reuses the text instead of serialising the value
 * again. Serialising whole BFF answers was 8–9% of the gateway's CPU on warm mobile screens, most of
 * it the same cached sections over and over (bench/README.md, "Shared fetches, reused JSON").
 */
const textOf = new WeakMap<object, string>();

/** Records `text` as the JSON of `value`; `value` must never change afterwards (freeze it). */
export function rememberJson(value: object, text: string): void {
  textOf.set(value, text);
}

/**
 * `JSON.stringify(value)`, the same text, reusing remembered texts of the values found in the
 * answer's top levels (a BFF answer: its sections, or an object made of sections).
 */
export function toJson(value: unknown, levels = 2): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  const known = textOf.get(value);
  if (known !== undefined) return known;
  if (levels === 0 || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    // As JSON.stringify: undefined, functions and symbols in an array become null.
    return `[${value.map((item: unknown) => (isOmitted(item) ? 'null' : toJson(item, levels - 1))).join(',')}]`;
  }
  const members: string[] = [];
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key];
    if (!isOmitted(member)) members.push(`${JSON.stringify(key)}:${toJson(member, levels - 1)}`);
  }
  return `{${members.join(',')}}`;
}

/** What JSON.stringify leaves out of an object. */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
