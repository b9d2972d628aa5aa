import { describe, expect, it } from 'vitest';
import { gatewayRoute } from '@shared/flow/kinds/patterns';
import { authenticate, matchRoute } from './authenticate';
import { signHs256 } from './jwt-hs256';

const config = { apiKeys: [{ client: 'partner', key: 'partner-key-1' }], apiKeyHeader: 'X-Api-Key' };
const route = (over: Record<string, unknown>): ReturnType<typeof gatewayRoute.parse> =>
  gatewayRoute.parse(over);

describe('authenticate', () => {
  it('names the client of a known API key and refuses others', () => {
    const r = route({ auth: 'apiKey' });
    expect(authenticate(r, config, { 'x-api-key': 'partner-key-1' }, '1.2.3.4', null, 0)).toEqual({
      ok: true,
      client: 'partner',
    });
    expect(authenticate(r, config, { 'x-api-key': 'nope' }, '', null, 0)).toMatchObject({ ok: false });
    expect(authenticate(r, config, {}, '', null, 0)).toMatchObject({ ok: false, reason: /missing API key/ });
  });

  it('takes the sub of a valid JWT and refuses a bad one', () => {
    const r = route({ auth: 'jwt' });
    const token = signHs256({ sub: 'web' }, 's3cret-s3cret');
    expect(authenticate(r, config, { authorization: `Bearer ${token}` }, '', 's3cret-s3cret', 0)).toEqual({
      ok: true,
      client: 'web',
    });
    expect(authenticate(r, config, { authorization: `Bearer ${token}` }, '', 'other', 0)).toMatchObject({
      ok: false,
    });
  });
});

describe('matchRoute', () => {
  const routes = [
    { route: route({ pathPrefix: '/orders', method: 'GET' }) },
    { route: route({ pathPrefix: '/users' }) },
  ];
  it('matches by prefix on segment boundaries and by method', () => {
    expect(matchRoute(routes, 'GET', '/orders/7')).toMatchObject({ index: 0 });
    expect(matchRoute(routes, 'POST', '/users')).toMatchObject({ index: 1 });
    expect(matchRoute(routes, 'POST', '/orders')).toEqual({ wrongMethod: ['GET'] });
    expect(matchRoute(routes, 'GET', '/ordersx')).toBeNull();
  });
});
