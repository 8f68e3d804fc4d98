import { ValidationError, inventory, type FieldError } from '@omni/contracts';

const {
  ATTRIBUTE_FILTER_PREFIX: PREFIX,
  AttributeFilterKey,
  AttributeFilterValue,
  MAX_ATTRIBUTE_FILTERS,
} = inventory;

/**
 * `?attributes.language=ja&attributes.marketRegion=JP` → `{ language: 'ja', marketRegion: 'JP' }`.
 * A query string has no nesting, so the filters arrive as flat keys with a prefix; every bad key or
 * value is reported at once (400), each under its own parameter name.
 */
export function attributeFiltersOf(
  query: Readonly<Record<string, unknown>>,
): Record<string, string> | undefined {
  const filters: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (!name.startsWith(PREFIX)) continue;
    const key = name.slice(PREFIX.length);
    const keyCheck = AttributeFilterKey.safeParse(key);
    const valueCheck = typeof value === 'string' ? AttributeFilterValue.safeParse(value) : undefined;
    if (!keyCheck.success) errors.push({ path: name, message: keyCheck.error.issues[0]!.message });
    else if (!valueCheck) errors.push({ path: name, message: 'give one value per attribute' });
    else if (!valueCheck.success) errors.push({ path: name, message: valueCheck.error.issues[0]!.message });
    else filters[key] = valueCheck.data;
  }
  if (Object.keys(filters).length > MAX_ATTRIBUTE_FILTERS) {
    errors.push({ path: 'attributes', message: `at most ${MAX_ATTRIBUTE_FILTERS} attribute filters` });
  }
  if (errors.length) throw new ValidationError('The attribute filters are invalid', errors);
  return Object.keys(filters).length ? filters : undefined;
}
