import { describe, expect, it } from 'vitest';
import { isExternalUrl, matchRoute } from './rest-paths';

const routes = [
  { method: 'GET', path: '/orders/:id' },
  { method: 'POST', path: '/orders' },
  { method: 'GET', path: '/users/{id}/orders' },
];

describe('matchRoute', () => {
  it('matches parameters, templates and ignores the query string', () => {
    expect(matchRoute(routes, 'GET', '/orders/42')).toBe(0);
    expect(matchRoute(routes, 'GET', '/orders/{{seq}}?expand=lines')).toBe(0);
    expect(matchRoute(routes, 'POST', '/orders/')).toBe(1);
    expect(matchRoute(routes, 'GET', '/users/7/orders')).toBe(2);
  });

  it('does not match another method or shape', () => {
    expect(matchRoute(routes, 'DELETE', '/orders/42')).toBe(-1);
    expect(matchRoute(routes, 'GET', '/orders')).toBe(-1);
    expect(matchRoute(routes, 'GET', '/invoices/1')).toBe(-1);
    expect(matchRoute([{ path: 3 }], 'GET', '/x')).toBe(-1);
  });

  it('knows a full URL leaves the flow', () => {
    expect(isExternalUrl('https://example.com/x')).toBe(true);
    expect(isExternalUrl('/x')).toBe(false);
  });
});
