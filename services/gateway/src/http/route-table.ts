import { ValidationError } from '@omni/contracts';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import type { RouteSpec } from './route.js';

export interface MatchedRoute {
  readonly route: RouteSpec;
  /** Path parameters, percent-decoded: `{ orderId: '…' }`. */
  readonly params: Readonly<Record<string, string | undefined>>;
}

const METHODS: readonly HTTPMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const unused = () => undefined;

/**
 * Finds the route of a request in one lookup in a radix tree (find-my-way, Fastify's router), where
 * Express tried each of ~200 routes' patterns in turn: the mobile routes, last in the table, paid for
 * the whole walk (routing was ~11% of the gateway's CPU on BFF screens, ~8% after; bench/README.md,
 * "One route lookup"), and every service added walks longer.
 *
 * It matches as Express did for these routes: case-insensitively, with or without a trailing slash,
 * HEAD as GET; a static segment is preferred over a parameter (`/orders/summary` over
 * `/orders/:orderId`), which Express left to the order of registration. A parameter may be long:
 * its validation, not the router, answers for a bad one.
 */
export class RouteTable {
  private readonly router = FindMyWay({
    caseSensitive: false,
    ignoreTrailingSlash: true,
    maxParamLength: 8192,
    // A URL that cannot be decoded is then found with no store (see match), not lost among the 404s.
    onBadUrl: () => undefined,
  });

  constructor(prefix: string, routes: readonly RouteSpec[]) {
    for (const route of routes)
      this.router.on(route.method.toUpperCase() as HTTPMethod, prefix + route.path, unused, route);
  }

  /** `url` as the request line has it, query string included; 400 when it cannot be decoded. */
  match(method: string, url: string): MatchedRoute | undefined {
    const found = this.router.find((method === 'HEAD' ? 'GET' : method) as HTTPMethod, url);
    if (!found) return undefined;
    if (!found.store) throw malformed(url);
    return { route: found.store as RouteSpec, params: found.params };
  }

  /** The methods `url` has a route for, e.g. for an `Allow` header. */
  methodsAt(url: string): HTTPMethod[] {
    return METHODS.filter((method) => this.match(method, url) !== undefined);
  }
}

/** As Express answered a parameter it could not decode. */
function malformed(url: string): ValidationError {
  const message = 'not valid percent-encoding';
  return new ValidationError('The URL cannot be decoded', [
    { path: '(url)', message: `${message}: ${url.slice(0, 200)}` },
  ]);
}
