/**
 * The routes a REST service's CRUD resource answers, so the validation panel, edge labels and
 * the engine agree on them. Pure and forgiving (configs may be half typed).
 */

/** The path parameter that holds an item's id; a collection path may not use it itself. */
export const RESOURCE_ID_PARAM = 'resourceId';

export interface ResourceRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** What the route does to the collection. */
  action: 'list' | 'create' | 'read' | 'replace' | 'update' | 'delete';
}

/** The collection path without a trailing slash (`/v1/orders/` → `/v1/orders`). */
export function collectionPath(path: string): string {
  const trimmed = path.trim().replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/** The six routes of a resource at `path`: list and create on the collection, the rest on an item. */
export function resourceRoutes(path: string): ResourceRoute[] {
  const base = collectionPath(path);
  const item = `${base === '/' ? '' : base}/:${RESOURCE_ID_PARAM}`;
  return [
    { method: 'GET', path: base, action: 'list' },
    { method: 'POST', path: base, action: 'create' },
    { method: 'GET', path: item, action: 'read' },
    { method: 'PUT', path: item, action: 'replace' },
    { method: 'PATCH', path: item, action: 'update' },
    { method: 'DELETE', path: item, action: 'delete' },
  ];
}

/** Every resource route of a REST service's (possibly incomplete) `resources` config. */
export function routesOfResources(resources: unknown): ResourceRoute[] {
  if (!Array.isArray(resources)) return [];
  return resources.flatMap((r: unknown) => {
    const path = r && typeof r === 'object' ? (r as { path?: unknown }).path : undefined;
    return typeof path === 'string' && path.startsWith('/') ? resourceRoutes(path) : [];
  });
}
