import { RouteTable } from '../src/http/route-table.js';
import type { RouteSpec } from '../src/http/route.js';

const route = (method: RouteSpec['method'], path: string) =>
  ({ operationId: `${method} ${path}`, method, path }) as RouteSpec;
const table = new RouteTable('/api/v1', [
  route('get', '/orders/:orderId'),
  route('get', '/orders/summary'),
  route('post', '/orders'),
  route('get', '/orders'),
  route('post', '/locks/:lockId/renew'),
  route('delete', '/locks/:lockId'),
]);
const operationOf = (method: string, url: string) => table.match(method, url)?.route.operationId;

describe('the route table', () => {
  it('finds the route and its decoded parameters, whatever the query string', () => {
    expect(table.match('GET', '/api/v1/orders/o%201?x=1')).toMatchObject({
      route: { operationId: 'get /orders/:orderId' },
      params: { orderId: 'o 1' },
    });
    expect(operationOf('POST', '/api/v1/locks/orders.order.1.abc/renew')).toBe('post /locks/:lockId/renew');
  });

  it('matches as Express did: any letter case, an optional trailing slash, HEAD as GET', () => {
    expect(operationOf('GET', '/API/v1/Orders/')).toBe('get /orders');
    expect(table.match('GET', '/api/v1/ORDERS/AbC')?.params).toEqual({ orderId: 'AbC' });
    expect(operationOf('HEAD', '/api/v1/orders/o1')).toBe('get /orders/:orderId');
  });

  it('prefers a static segment over a parameter, whatever the order of the routes', () => {
    expect(operationOf('GET', '/api/v1/orders/summary')).toBe('get /orders/summary');
  });

  it('has no route for an unknown path or another method, and tells which methods a path has', () => {
    expect(table.match('GET', '/api/v1/nothing')).toBeUndefined();
    expect(table.match('PUT', '/api/v1/orders')).toBeUndefined();
    expect(table.methodsAt('/api/v1/orders')).toEqual(['GET', 'POST']);
    expect(table.methodsAt('/api/v1/nothing')).toEqual([]);
  });

  it('leaves a long parameter to the route validation, and refuses a URL that cannot be decoded (400)', () => {
    const long = 'x'.repeat(5000);
    expect(table.match('DELETE', `/api/v1/locks/${long}`)?.params).toEqual({ lockId: long });
    expect(() => table.match('GET', '/api/v1/orders/%E0%A4%A')).toThrow(
      expect.objectContaining({ status: 400, errors: [expect.objectContaining({ path: '(url)' })] }),
    );
  });
});
