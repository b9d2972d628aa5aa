import { describe, expect, it } from 'vitest';
import { edgeConfigErrors, edgeSettings } from './edge-form';

describe('edgeSettings', () => {
  it('offers a binding on exchange edges and a policy on calls', () => {
    expect(
      edgeSettings({ kind: 'rabbitExchange', config: { type: 'topic' } }, { kind: 'rabbitQueue' }),
    ).toEqual({
      kind: 'binding',
      exchangeType: 'topic',
    });
    expect(edgeSettings({ kind: 'restClient', config: {} }, { kind: 'restService' })).toEqual({
      kind: 'policy',
    });
    expect(edgeSettings({ kind: 'producer', config: {} }, { kind: 'kafkaTopic' })).toEqual({ kind: 'none' });
  });
});

describe('edgeConfigErrors', () => {
  it('reports a malformed pattern by field', () => {
    expect(edgeConfigErrors({ pattern: 'a..b' })).toEqual({ pattern: 'must not have empty words ("..")' });
    expect(edgeConfigErrors(undefined)).toEqual({});
  });
});
