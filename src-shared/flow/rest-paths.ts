/**
 * Matching a REST client's call (`GET /orders/{{seq}}?x=1`) against a service's routes
 * (`GET /orders/:id`), for the validation panel and edge labels. Pure and forgiving.
 */

export interface RouteLike {
  method?: unknown;
  path?: unknown;
}

/** True when the client calls something outside the flow (a full URL), which nothing here can check. */
export function isExternalUrl(path: string): boolean {
  return /^https?:\/\//i.test(path.trim());
}

/** The index of the first route that a `method path` call reaches, or -1. */
export function matchRoute(routes: ReadonlyArray<RouteLike>, method: string, path: string): number {
  const call = segments(path.split('?')[0].split('#')[0]);
  return routes.findIndex((r) => {
    if (typeof r.path !== 'string' || String(r.method ?? 'GET') !== method) return false;
    const route = segments(r.path);
    return route.length === call.length && route.every((seg, i) => segmentMatches(seg, call[i]));
  });
}

function segments(path: string): string[] {
  return path
    .trim()
    .split('/')
    .filter((s) => s !== '');
}

/** `:id` and `{id}` match any value; a templated call segment (`{{seq}}`) may become anything. */
function segmentMatches(route: string, call: string): boolean {
  if (route.startsWith(':') || /^\{[^{}]+\}$/.test(route)) return true;
  if (call.includes('{{')) return true;
  return route === call;
}
