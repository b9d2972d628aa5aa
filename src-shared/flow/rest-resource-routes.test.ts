import { describe, expect, it } from 'vitest';
import { matchRoute } from './rest-paths';
import { collectionPath, resourceRoutes, routesOfResources } from './rest-resource-routes';

describe('resource routes', () => {
  it('list and create on the collection, read/replace/update/delete on an item', () => {
    expect(resourceRoutes('/v1/orders/').map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v1/orders',
      'POST /v1/orders',
      'GET /v1/orders/:resourceId',
      'PUT /v1/orders/:resourceId',
      'PATCH /v1/orders/:resourceId',
      'DELETE /v1/orders/:resourceId',
    ]);
  });

  it('lets a client call be checked against a resource like any route', () => {
    const routes = routesOfResources([{ path: '/v1/users/:userId/orders' }]);
    expect(matchRoute(routes, 'GET', '/v1/users/7/orders?limit=2')).toBe(0);
    expect(matchRoute(routes, 'DELETE', '/v1/users/7/orders/{{seq}}')).toBe(5);
    expect(matchRoute(routes, 'POST', '/v1/users/7/orders/3')).toBe(-1);
  });

  it('ignores half-typed configs', () => {
    expect(routesOfResources([{}, { path: 'v1' }, null])).toEqual([]);
    expect(routesOfResources(undefined)).toEqual([]);
    expect(collectionPath('/')).toBe('/');
  });
});
