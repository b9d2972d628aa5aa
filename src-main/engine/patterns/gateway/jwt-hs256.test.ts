import { describe, expect, it } from 'vitest';
import { signHs256, verifyHs256 } from './jwt-hs256';

const SECRET = 'a-test-secret-of-some-length';

describe('HS256 JWT', () => {
  it('accepts a token it signed and returns its claims', () => {
    const t = signHs256({ sub: 'web', exp: 2000 }, SECRET);
    expect(verifyHs256(t, SECRET, 1_000_000)).toEqual({ ok: true, claims: { sub: 'web', exp: 2000 } });
  });

  it('refuses another secret, expiry, alg none and garbage', () => {
    const t = signHs256({ sub: 'web', exp: 2000 }, SECRET);
    expect(verifyHs256(t, 'other', 0)).toMatchObject({ ok: false, reason: /signature/ });
    expect(verifyHs256(t, SECRET, 2_000_000)).toMatchObject({ ok: false, reason: /expired/ });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${t.split('.')[1]}.`;
    expect(verifyHs256(none, SECRET, 0)).toMatchObject({ ok: false, reason: /HS256/ });
    expect(verifyHs256('nope', SECRET, 0)).toMatchObject({ ok: false, reason: /three/ });
  });
});
