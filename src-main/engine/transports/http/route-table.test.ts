import { describe, expect, it } from 'vitest';
import { compileRouteTable } from './route-table';

const routes = [
  { method: 'GET', path: '/orders/latest' },
  { method: 'GET', path: '/orders/:id' },
  { method: 'PUT', path: '/orders/:id' },
  { method: 'GET', path: '/customers/:customer/orders/:order' },
];

describe('compileRouteTable', () => {
  const table = compileRouteTable(routes);

  it('captures path parameters, percent-decoded', () => {
    expect(table.match('get', '/orders/a%20b')).toEqual({
      kind: 'found',
      route: routes[1],
      params: { id: 'a b' },
    });
    expect(table.match('GET', '/customers/7/orders/42/')).toMatchObject({
      kind: 'found',
      params: { customer: '7', order: '42' },
    });
  });

  it('prefers the route listed first', () => {
    expect(table.match('GET', '/orders/latest')).toMatchObject({
      kind: 'found',
      route: routes[0],
      params: {},
    });
  });

  it('tells a wrong method (with the allowed ones) from an unknown path', () => {
    expect(table.match('DELETE', '/orders/1')).toEqual({
      kind: 'method-not-allowed',
      allowed: ['GET', 'PUT'],
    });
    expect(table.match('GET', '/orders')).toEqual({ kind: 'not-found' });
    expect(table.match('GET', '/orders/1/items')).toEqual({ kind: 'not-found' });
    expect(table.match('GET', '/orders/%E0%A4%A')).toEqual({ kind: 'not-found' });
  });

  it('names the route whose parameters are malformed', () => {
    expect(() => compileRouteTable([{ method: 'GET', path: '/a/:id/b/:id' }])).toThrow(
      'route 1 (GET /a/:id/b/:id): parameter ":id" appears twice',
    );
    expect(() => compileRouteTable([{ method: 'GET', path: '/a/:' }])).toThrow('route 1');
  });
});
