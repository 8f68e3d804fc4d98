/**
 * The `default` of a switch over a tagged union: the compiler proves every case is handled (a new
 * command or event type that nobody handles fails the build), and a value that slips past the types
 * at run time fails loudly instead of being ignored.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new TypeError(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
