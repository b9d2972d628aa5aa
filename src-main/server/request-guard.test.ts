import { describe, expect, it } from 'vitest';
import {
  checkHttpRequest,
  checkUpgradeRequest,
  isAllowedHost,
  isAllowedOrigin,
  readCookie,
  tokenCookie,
  tokenCookieName,
  tokenMatches,
  type RequestFacts,
} from './request-guard';

const port = 4321;
const token = 'a'.repeat(64);
const settings = { port, token };
const cookie = `${tokenCookieName(port)}=${token}`;

function facts(overrides: Partial<RequestFacts>): RequestFacts {
  return { host: `127.0.0.1:${port}`, origin: undefined, url: '/', cookie: undefined, ...overrides };
}

describe('isAllowedHost', () => {
  it('accepts only loopback names with our port', () => {
    expect(isAllowedHost(`127.0.0.1:${port}`, port)).toBe(true);
    expect(isAllowedHost(`LOCALHOST:${port}`, port)).toBe(true);
    expect(isAllowedHost(`evil.example:${port}`, port)).toBe(false); // DNS rebinding
    expect(isAllowedHost('127.0.0.1:80', port)).toBe(false);
    expect(isAllowedHost('127.0.0.1', port)).toBe(false);
    expect(isAllowedHost(`[::1]:${port}`, port)).toBe(false);
    expect(isAllowedHost(`127.0.0.1:${port}.evil.example`, port)).toBe(false);
    expect(isAllowedHost(undefined, port)).toBe(false);
  });
});

describe('isAllowedOrigin', () => {
  it('accepts only our own http origins', () => {
    expect(isAllowedOrigin(`http://127.0.0.1:${port}`, port)).toBe(true);
    expect(isAllowedOrigin(`http://localhost:${port}`, port)).toBe(true);
    expect(isAllowedOrigin('null', port)).toBe(false);
    expect(isAllowedOrigin(`https://127.0.0.1:${port}`, port)).toBe(false);
    expect(isAllowedOrigin(`http://127.0.0.1:${port + 1}`, port)).toBe(false);
    expect(isAllowedOrigin(`http://127.0.0.1:${port}/`, port)).toBe(false);
    expect(isAllowedOrigin('http://evil.example', port)).toBe(false);
    expect(isAllowedOrigin(undefined, port)).toBe(false);
  });
});

describe('tokens and cookies', () => {
  it('compares tokens exactly, including odd lengths and multi-byte text', () => {
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token, token.slice(1))).toBe(false);
    expect(tokenMatches(token, `${'a'.repeat(63)}é`)).toBe(false);
    expect(tokenMatches(token, undefined)).toBe(false);
    expect(tokenMatches(token, '')).toBe(false);
  });

  it('reads one cookie among several', () => {
    expect(readCookie(`x=1; ${cookie}; y=2`, tokenCookieName(port))).toBe(token);
    expect(readCookie('x=1', tokenCookieName(port))).toBeUndefined();
    expect(readCookie(undefined, tokenCookieName(port))).toBeUndefined();
  });

  it('sets an HttpOnly SameSite=Strict cookie named per port', () => {
    expect(tokenCookie(port, token)).toMatch(/HttpOnly/);
    expect(tokenCookie(port, token)).toMatch(/SameSite=Strict/);
    expect(tokenCookieName(port)).not.toBe(tokenCookieName(port + 1));
  });
});

describe('checkHttpRequest', () => {
  it('needs the token by query (then sets the cookie) or by cookie', () => {
    expect(checkHttpRequest(facts({ url: `/?token=${token}` }), settings)).toEqual({
      ok: true,
      setCookie: true,
    });
    expect(checkHttpRequest(facts({ url: '/assets/a.js', cookie }), settings)).toEqual({
      ok: true,
      setCookie: false,
    });
    expect(checkHttpRequest(facts({ url: '/' }), settings).ok).toBe(false);
    expect(checkHttpRequest(facts({ url: '/?token=wrong' }), settings).ok).toBe(false);
    // A wrong query token is refused even alongside a good cookie.
    expect(checkHttpRequest(facts({ url: '/?token=wrong', cookie }), settings).ok).toBe(false);
    // The cookie of another port's server does not count.
    expect(checkHttpRequest(facts({ cookie: `${tokenCookieName(port + 1)}=${token}` }), settings).ok).toBe(
      false,
    );
  });

  it('refuses a bad Host even with the token', () => {
    expect(checkHttpRequest(facts({ host: `rebound.example:${port}`, cookie }), settings).ok).toBe(false);
  });

  it('allows no Origin or our own, refuses a foreign one', () => {
    expect(checkHttpRequest(facts({ cookie, origin: `http://localhost:${port}` }), settings).ok).toBe(true);
    expect(checkHttpRequest(facts({ cookie, origin: 'http://evil.example' }), settings).ok).toBe(false);
    expect(checkHttpRequest(facts({ cookie, origin: 'null' }), settings).ok).toBe(false);
  });
});

describe('checkUpgradeRequest', () => {
  const origin = `http://127.0.0.1:${port}`;

  it('accepts token by query or cookie with our Origin and Host', () => {
    expect(checkUpgradeRequest(facts({ url: `/api?token=${token}`, origin }), settings).ok).toBe(true);
    expect(checkUpgradeRequest(facts({ url: '/api', origin, cookie }), settings).ok).toBe(true);
  });

  it('refuses a missing or foreign Origin, a bad Host, or no token', () => {
    expect(checkUpgradeRequest(facts({ url: '/api', cookie }), settings).ok).toBe(false);
    expect(
      checkUpgradeRequest(facts({ url: '/api', cookie, origin: 'http://evil.example' }), settings).ok,
    ).toBe(false);
    expect(
      checkUpgradeRequest(facts({ url: '/api', cookie, origin, host: `evil:${port}` }), settings).ok,
    ).toBe(false);
    expect(checkUpgradeRequest(facts({ url: '/api', origin }), settings).ok).toBe(false);
  });
});
