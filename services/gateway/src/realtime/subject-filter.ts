import { SERVICES } from '@omni/contracts';

export type FilterCheck =
  | { readonly ok: true; readonly service: string }
  | { readonly ok: false; readonly code: 'bad_request' | 'not_found'; readonly message: string };

/**
 * A subscription filter uses NATS wildcards (`*` one token, `>` the rest) and must lie inside one
 * service's stream: its first token names the service.
 */
export function checkFilter(filter: unknown): FilterCheck {
  if (typeof filter !== 'string' || filter.length === 0 || filter.length > 256) {
    return { ok: false, code: 'bad_request', message: 'subject must be a non-empty string' };
  }
  const tokens = filter.split('.');
  const wellFormed = tokens.every(
    (token, i) =>
      /^[A-Za-z0-9_-]+$/.test(token) || token === '*' || (token === '>' && i === tokens.length - 1),
  );
  if (!wellFormed)
    return { ok: false, code: 'bad_request', message: `not a valid subject filter: ${filter}` };
  const [service] = tokens;
  if (service === '*' || service === '>') {
    return {
      ok: false,
      code: 'bad_request',
      message: 'a subscription must lie inside one service, e.g. inventory.>',
    };
  }
  if (!(SERVICES as readonly string[]).includes(service!)) {
    return { ok: false, code: 'not_found', message: `there is no service ${service}` };
  }
  return { ok: true, service: service! };
}

/** NATS subject matching: `*` matches one token, a final `>` one or more. */
export function subjectMatches(filter: string, subject: string): boolean {
  const f = filter.split('.');
  const s = subject.split('.');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '>') return s.length > i;
    if (i >= s.length || (f[i] !== '*' && f[i] !== s[i])) return false;
  }
  return f.length === s.length;
}
