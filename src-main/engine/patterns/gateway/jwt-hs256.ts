import { createHmac, timingSafeEqual } from 'node:crypto';

/** Claims a verified token carries; `sub` names the client for rate limiting. */
export interface JwtClaims {
  sub?: string;
  exp?: number;
  nbf?: number;
  [claim: string]: unknown;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** Signs claims as an HS256 JWT (for tests and for tools that mint tokens for a run). */
export function signHs256(claims: JwtClaims, secret: string): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/**
 * Verifies an HS256 JWT: the header must say HS256 (no `none`, no other algorithm), the
 * signature must match in constant time, and `exp`/`nbf` (seconds) must hold at `nowMs`.
 * Returns the claims, or the reason it was refused (safe to show: never the secret).
 */
export function verifyHs256(
  token: string,
  secret: string,
  nowMs: number,
): { ok: true; claims: JwtClaims } | { ok: false; reason: string } {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'token is not a JWT (three dot-separated parts)' };
  const [head, body, sig] = parts;
  let header: unknown;
  let claims: unknown;
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'token header or claims are not JSON' };
  }
  if ((header as { alg?: unknown } | null)?.alg !== 'HS256')
    return { ok: false, reason: 'token must be signed with HS256' };
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'token signature does not match' };
  if (!claims || typeof claims !== 'object') return { ok: false, reason: 'token claims are not an object' };
  const c = claims as JwtClaims;
  const now = nowMs / 1000;
  if (typeof c.exp === 'number' && now >= c.exp) return { ok: false, reason: 'token has expired' };
  if (typeof c.nbf === 'number' && now < c.nbf) return { ok: false, reason: 'token is not valid yet' };
  return { ok: true, claims: c };
}
