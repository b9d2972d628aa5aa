import type { ApiGatewayConfig, GatewayRoute } from '@shared/flow/kinds/patterns';
import { verifyHs256 } from './jwt-hs256';

/** Who a request comes from, or why it was refused (a 401 with this reason). */
export type AuthResult = { ok: true; client: string } | { ok: false; reason: string; challenge: string };

/**
 * Authenticates one request for a route: `apiKey` looks the key header up among the
 * gateway's clients, `jwt` verifies a Bearer HS256 token with the run's secret (its `sub`
 * names the client), `none` takes the caller's `x-client-id` or its address. The client name
 * is what rate limits count by.
 */
export function authenticate(
  route: GatewayRoute,
  config: Pick<ApiGatewayConfig, 'apiKeys' | 'apiKeyHeader'>,
  headers: Record<string, string>,
  remote: string,
  jwtSecret: string | null,
  nowMs: number,
): AuthResult {
  if (route.auth === 'apiKey') {
    const key = headers[config.apiKeyHeader.toLowerCase()];
    if (!key)
      return { ok: false, reason: `missing API key (header ${config.apiKeyHeader})`, challenge: 'ApiKey' };
    const known = config.apiKeys.find((k) => k.key === key);
    return known
      ? { ok: true, client: known.client }
      : { ok: false, reason: 'unknown API key', challenge: 'ApiKey' };
  }
  if (route.auth === 'jwt') {
    const m = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
    if (!m) return { ok: false, reason: 'missing Bearer token', challenge: 'Bearer' };
    if (!jwtSecret) return { ok: false, reason: 'the gateway has no JWT secret', challenge: 'Bearer' };
    const v = verifyHs256(m[1], jwtSecret, nowMs);
    if (!v.ok) return { ok: false, reason: v.reason, challenge: 'Bearer error="invalid_token"' };
    return { ok: true, client: typeof v.claims.sub === 'string' ? v.claims.sub : 'jwt' };
  }
  return { ok: true, client: headers['x-client-id'] || remote };
}

/** The first route whose prefix covers `path` and whose method matches; `wrongMethod` when only the method differs. */
export function matchRoute<R extends { route: GatewayRoute }>(
  routes: readonly R[],
  method: string,
  path: string,
): { route: R; index: number } | { wrongMethod: string[] } | null {
  const covering = routes
    .map((r, index) => ({ r, index }))
    .filter(({ r }) => {
      const p = r.route.pathPrefix.replace(/\/+$/, '');
      return p === '' || path === p || path.startsWith(`${p}/`);
    });
  const hit = covering.find(({ r }) => r.route.method === 'ANY' || r.route.method === method);
  if (hit) return { route: hit.r, index: hit.index };
  return covering.length > 0 ? { wrongMethod: [...new Set(covering.map(({ r }) => r.route.method))] } : null;
}
