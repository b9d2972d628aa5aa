import { timingSafeEqual } from 'node:crypto';

/**
 * The browser-mode server's checks, as pure functions so they are tested on their own.
 * Together they keep other web pages (CSRF, DNS rebinding, cross-site WebSocket) and
 * other local users without the printed URL away from the API.
 */

/** What the guards look at in a request. */
export interface RequestFacts {
  host: string | undefined;
  origin: string | undefined;
  /** Request target as received (`/path?query`). */
  url: string;
  cookie: string | undefined;
}

export interface GuardSettings {
  port: number;
  token: string;
}

export type GuardVerdict =
  | { ok: true; /** The token came in the query and should be stored as the cookie. */ setCookie: boolean }
  | { ok: false; reason: string };

/** True only for `127.0.0.1:PORT` or `localhost:PORT`: a rebound DNS name carries its own host. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const value = host.toLowerCase();
  return value === `127.0.0.1:${port}` || value === `localhost:${port}`;
}

/** True only for the exact origins our own pages have; `null` and other ports are foreign. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (!origin) return false;
  const value = origin.toLowerCase();
  return value === `http://127.0.0.1:${port}` || value === `http://localhost:${port}`;
}

/** Compares a presented token with the launch token in constant time. */
export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  // timingSafeEqual throws on unequal lengths; the length itself is not secret.
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Cookie names are not separated by port, so two servers on one machine need distinct ones. */
export function tokenCookieName(port: number): string {
  return `flowbench_token_${port}`;
}

/** The Set-Cookie value that lets asset requests and the WebSocket carry the token. */
export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

/** Reads one cookie value from a Cookie header; undefined when absent or malformed. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function checkToken(facts: RequestFacts, settings: GuardSettings): GuardVerdict {
  const query = parseQuery(facts.url);
  const fromQuery = query?.get('token') ?? undefined;
  // A token in the URL must itself be right; a stale link is refused even with a good cookie.
  if (fromQuery !== undefined) {
    return tokenMatches(settings.token, fromQuery)
      ? { ok: true, setCookie: true }
      : { ok: false, reason: 'bad token' };
  }
  const fromCookie = readCookie(facts.cookie, tokenCookieName(settings.port));
  return tokenMatches(settings.token, fromCookie)
    ? { ok: true, setCookie: false }
    : { ok: false, reason: 'missing token' };
}

/** HTTP: valid Host, no foreign Origin (navigations send none), and the token by query or cookie. */
export function checkHttpRequest(facts: RequestFacts, settings: GuardSettings): GuardVerdict {
  if (!isAllowedHost(facts.host, settings.port)) return { ok: false, reason: 'bad host' };
  if (facts.origin !== undefined && !isAllowedOrigin(facts.origin, settings.port)) {
    return { ok: false, reason: 'foreign origin' };
  }
  return checkToken(facts, settings);
}

/** WebSocket upgrade: valid Host, an Origin that is ours (required: browsers always send one), and the token. */
export function checkUpgradeRequest(facts: RequestFacts, settings: GuardSettings): GuardVerdict {
  if (!isAllowedHost(facts.host, settings.port)) return { ok: false, reason: 'bad host' };
  if (!isAllowedOrigin(facts.origin, settings.port))
    return { ok: false, reason: 'missing or foreign origin' };
  const verdict = checkToken(facts, settings);
  return verdict.ok ? { ok: true, setCookie: false } : verdict;
}

/** Parses the query of a request target; null when the target is not a path. */
export function parseQuery(url: string): URLSearchParams | null {
  if (!url.startsWith('/')) return null;
  const q = url.indexOf('?');
  return new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
}
