/**
 * Matches a request's method and path against a REST service's routes. Paths are compared
 * segment by segment; a `:name` segment matches any one non-empty segment and captures it.
 * Pure logic, so the server only has to act on the outcome.
 */

export interface RoutePattern {
  method: string;
  path: string;
}

export type RouteMatch<R extends RoutePattern> =
  | { kind: 'found'; route: R; params: Record<string, string> }
  /** The path exists under other methods: a 405 with an Allow header. */
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

interface CompiledRoute<R extends RoutePattern> {
  route: R;
  method: string;
  segments: Array<{ param: string } | { literal: string }>;
}

/** A route table built once per server; `match` runs per request. */
export interface RouteTable<R extends RoutePattern> {
  match(method: string, path: string): RouteMatch<R>;
}

/**
 * Compiles routes in order; the first route that matches wins, so a literal route listed
 * before `/:id` takes precedence. Throws naming the route when a path is malformed or a
 * parameter name repeats.
 */
export function compileRouteTable<R extends RoutePattern>(routes: readonly R[]): RouteTable<R> {
  const compiled = routes.map((route, index) => compileRoute(route, index));
  return {
    match(method, path) {
      const parts = splitPath(path);
      if (parts === null) return { kind: 'not-found' };
      const upper = method.toUpperCase();
      const allowed = new Set<string>();
      for (const c of compiled) {
        const params = matchSegments(c.segments, parts);
        if (params === null) continue;
        if (c.method === upper) return { kind: 'found', route: c.route, params };
        allowed.add(c.method);
      }
      return allowed.size > 0 ? { kind: 'method-not-allowed', allowed: [...allowed] } : { kind: 'not-found' };
    },
  };
}

function compileRoute<R extends RoutePattern>(route: R, index: number): CompiledRoute<R> {
  const where = `route ${index + 1} (${route.method} ${route.path})`;
  if (!route.path.startsWith('/')) throw new Error(`${where}: path must start with "/"`);
  const seen = new Set<string>();
  const segments = route.path
    .split('/')
    .filter((s) => s !== '')
    .map((segment) => {
      if (!segment.startsWith(':')) return { literal: segment };
      const param = segment.slice(1);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(param))
        throw new Error(`${where}: parameter "${segment}" must be ":" followed by a name`);
      if (seen.has(param)) throw new Error(`${where}: parameter ":${param}" appears twice`);
      seen.add(param);
      return { param };
    });
  return { route, method: route.method.toUpperCase(), segments };
}

/** Splits and percent-decodes a path; null when a segment cannot be decoded. */
function splitPath(path: string): string[] | null {
  try {
    return path
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

function matchSegments(
  segments: CompiledRoute<RoutePattern>['segments'],
  parts: string[],
): Record<string, string> | null {
  if (segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if ('param' in segment) params[segment.param] = parts[i];
    else if (segment.literal !== parts[i]) return null;
  }
  return params;
}
