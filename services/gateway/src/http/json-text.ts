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
 * answer's top levels (a BFF answer: its sections, or an object made of sections). Composing an
 * answer member by member costs ~4× one `JSON.stringify` where nothing is remembered, so only the
 * routes whose answers are made of cached sections use it (`RouteSpec.serialize`).
 */
export function toJson(value: unknown): string {
  return withRememberedTexts(value, 2) ?? JSON.stringify(value) ?? 'null';
}

/** The JSON of `value` built around the remembered texts within `levels`; undefined when there are none. */
function withRememberedTexts(value: unknown, levels: number): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const known = textOf.get(value);
  if (known !== undefined) return known;
  if (levels === 0 || typeof (value as { toJSON?: unknown }).toJSON === 'function') return undefined;
  const members: [key: string, member: unknown][] = Array.isArray(value)
    ? value.map((item: unknown, index) => [String(index), item])
    : Object.entries(value);
  const texts = members.map(([, member]) => withRememberedTexts(member, levels - 1));
  if (texts.every((text) => text === undefined)) return undefined;
  const jsonOf = (index: number): string | undefined => texts[index] ?? JSON.stringify(members[index]![1]);
  if (Array.isArray(value)) {
    // As JSON.stringify: undefined, functions and symbols in an array become null.
    return `[${members.map((_, index) => jsonOf(index) ?? 'null').join(',')}]`;
  }
  const parts: string[] = [];
  members.forEach(([key], index) => {
    const text = jsonOf(index); // undefined for what JSON.stringify leaves out of an object
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  });
  return `{${parts.join(',')}}`;
}
