import { describe, expect, it } from 'vitest';
import type { BehaviourMessage } from './behaviour-message';
import { jsonMessage, jsonOf, step, testDeps, textMessage } from './behaviour-test-kit';
import { SPLIT_HEADERS } from './split';

describe('enrich step', () => {
  it('calls the target with the message and merges the reply under the configured place', async () => {
    const calls: Array<[string, unknown]> = [];
    const deps = testDeps({
      call: async (target, m) => {
        calls.push([target, JSON.parse(m.payload.toString())]);
        return jsonMessage({ name: 'Ada', tier: 'gold' });
      },
    });
    const e = step({ kind: 'enrich', target: 'customers', into: '$.customer.profile' }, deps);
    const [out] = await e.process(
      jsonMessage({ id: 1, customer: { id: 'c9' } }, { key: 'k', headers: { h: '1' } }),
    );
    expect(calls).toEqual([['customers', { id: 1, customer: { id: 'c9' } }]]);
    expect(out.json).toEqual({ id: 1, customer: { id: 'c9', profile: { name: 'Ada', tier: 'gold' } } });
    expect(jsonOf([out])).toEqual([out.json]);
    expect(out).toMatchObject({ key: 'k', headers: { h: '1' } });
  });

  it('merges a reply that is not JSON as text', async () => {
    const deps = testDeps({ call: async () => textMessage('plain reply') });
    const [out] = await step({ kind: 'enrich', target: 'x' }, deps).process(jsonMessage({}));
    expect(out.json).toEqual({ enrichment: 'plain reply' });
  });

  it('names the target when the call fails, and the field when the message cannot take the reply', async () => {
    const failing = testDeps({ call: () => Promise.reject(new Error('UNAVAILABLE: no connection')) });
    await expect(step({ kind: 'enrich', target: 'stock' }, failing).process(jsonMessage({}))).rejects.toThrow(
      'node "svc", behaviours[0].target: calling "stock" failed: UNAVAILABLE: no connection',
    );
    const ok = testDeps({ call: async () => jsonMessage(1) });
    await expect(
      step({ kind: 'enrich', target: 't', into: '$.id.more' }, ok).process(jsonMessage({ id: 5 })),
    ).rejects.toThrow('behaviours[0].into: cannot write $.id.more: $.id is a number, not an object');
    await expect(step({ kind: 'enrich', target: 't' }, ok).process(textMessage('x'))).rejects.toThrow(
      'behaviours[0]: the payload is not JSON',
    );
    expect(() => step({ kind: 'enrich', target: 't', into: 'key' })).toThrow(
      'behaviours[0].into: must be a place inside the payload',
    );
  });
});

describe('split step', () => {
  it('makes one message per element, in order, with sequence headers', async () => {
    const s = step({ kind: 'split', path: '$.order.items' });
    const input = jsonMessage(
      { order: { items: [{ sku: 'a' }, 'b', 3] } },
      { key: 'o-1', headers: { t: 'x' } },
    );
    const out = await s.process(input);
    expect(jsonOf(out)).toEqual([{ sku: 'a' }, 'b', 3]);
    expect(out.map((m) => m.headers[SPLIT_HEADERS.index])).toEqual(['0', '1', '2']);
    expect(
      out.every((m) => m.headers[SPLIT_HEADERS.count] === '3' && m.headers.t === 'x' && m.key === 'o-1'),
    ).toBe(true);
    expect(new Set(out.map((m) => m.headers[SPLIT_HEADERS.id])).size).toBe(1);
    const next = await s.process(input);
    expect(next[0].headers[SPLIT_HEADERS.id]).not.toBe(out[0].headers[SPLIT_HEADERS.id]);
  });

  it('gives no message for an empty array', async () => {
    expect(await step({ kind: 'split' }).process(jsonMessage({ items: [] }))).toEqual([]);
  });

  it.each<[string, BehaviourMessage, string]>([
    ['missing', jsonMessage({}), 'behaviours[0].path: $.items is missing in the message'],
    ['an object', jsonMessage({ items: { a: 1 } }), '$.items is not an array (found an object)'],
    ['a string', jsonMessage({ items: 'abc' }), '$.items is not an array (found a string)'],
    ['not JSON', textMessage('items: 1, 2'), 'behaviours[0].path: the payload is not JSON'],
  ])('says what is wrong when the array is %s', async (_what, message, error) => {
    await expect(step({ kind: 'split' }).process(message)).rejects.toThrow(error);
  });
});
