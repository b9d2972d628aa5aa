import { describe, expect, it } from 'vitest';
import { AGGREGATE_HEADERS } from './aggregate';
import type { BehaviourMessage } from './behaviour-message';
import { jsonMessage, step, testDeps, textMessage } from './behaviour-test-kit';

describe('aggregate step', () => {
  it('emits a group when it reaches the count', async () => {
    const a = step({ kind: 'aggregate', count: 3 });
    expect(await a.process(jsonMessage({ n: 1 }))).toEqual([]);
    expect(await a.process(jsonMessage({ n: 2 }))).toEqual([]);
    const [out] = await a.process(jsonMessage({ n: 3 }));
    expect(out.json).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(JSON.parse(out.payload.toString())).toEqual(out.json);
    expect(out.headers).toEqual({
      [AGGREGATE_HEADERS.key]: '',
      [AGGREGATE_HEADERS.count]: '3',
      [AGGREGATE_HEADERS.reason]: 'count',
    });
    expect(await a.process(jsonMessage({ n: 4 }))).toEqual([]);
  });

  it('keeps a group per key', async () => {
    const a = step({ kind: 'aggregate', by: '$.customer', count: 2 });
    const outs: BehaviourMessage[] = [];
    for (const [c, n] of [
      ['a', 1],
      ['b', 2],
      ['a', 3],
      [7, 4],
      ['b', 5],
      [7, 6],
    ] as const) {
      outs.push(...(await a.process(jsonMessage({ customer: c, n }))));
    }
    expect(outs.map((m) => [m.key, m.json])).toEqual([
      [
        'a',
        [
          { customer: 'a', n: 1 },
          { customer: 'a', n: 3 },
        ],
      ],
      [
        'b',
        [
          { customer: 'b', n: 2 },
          { customer: 'b', n: 5 },
        ],
      ],
      [
        '7',
        [
          { customer: 7, n: 4 },
          { customer: 7, n: 6 },
        ],
      ],
    ]);
  });

  it('emits a group when its time window closes, through emit', async () => {
    const deps = testDeps();
    const emitted: BehaviourMessage[][] = [];
    const a = step({ kind: 'aggregate', by: 'key', count: 0, windowMs: 1000 }, deps, emitted);
    await a.process(jsonMessage(1, { key: 'x' }));
    deps.clock.advance(400);
    await a.process(jsonMessage(2, { key: 'x' }));
    await a.process(jsonMessage(3, { key: 'y' }));
    deps.clock.advance(599);
    expect(emitted).toEqual([]);
    deps.clock.advance(1);
    expect(emitted).toHaveLength(1);
    expect(emitted[0][0]).toMatchObject({
      key: 'x',
      json: [1, 2],
      headers: { [AGGREGATE_HEADERS.reason]: 'window' },
    });
    deps.clock.advance(400);
    expect(emitted.map((e) => e[0].json)).toEqual([[1, 2], [3]]);
    expect(deps.clock.pending).toBe(0);
  });

  it('emits by count or window, whichever comes first, and the closed window never fires', async () => {
    const deps = testDeps();
    const emitted: BehaviourMessage[][] = [];
    const a = step({ kind: 'aggregate', count: 2, windowMs: 100 }, deps, emitted);
    await a.process(jsonMessage(1));
    expect((await a.process(jsonMessage(2)))[0].json).toEqual([1, 2]);
    expect(deps.clock.pending).toBe(0);
    deps.clock.advance(500);
    expect(emitted).toEqual([]);
    await a.process(jsonMessage(3));
    deps.clock.advance(100);
    expect(emitted[0][0].json).toEqual([3]);
  });

  it('flushes open groups on stop, leaving no timer', async () => {
    const deps = testDeps();
    const a = step({ kind: 'aggregate', by: 'headers.tenant', count: 10, windowMs: 5000 }, deps);
    await a.process(jsonMessage(1, { headers: { tenant: 't1' } }));
    await a.process(textMessage('raw', { headers: { tenant: 't2' } }));
    const out = a.flush();
    expect(out.map((m) => [m.key, m.json, m.headers[AGGREGATE_HEADERS.reason]])).toEqual([
      ['t1', [1], 'stop'],
      ['t2', ['raw'], 'stop'],
    ]);
    expect(deps.clock.pending).toBe(0);
    expect(a.flush()).toEqual([]);
  });

  it('names the field when the group key is missing or the payload is not JSON', async () => {
    const a = step({ kind: 'aggregate', by: '$.customer', count: 2 });
    await expect(a.process(jsonMessage({}))).rejects.toThrow(
      'node "svc", behaviours[0].by: $.customer is missing in the message',
    );
    await expect(a.process(textMessage('x'))).rejects.toThrow('behaviours[0].by: the payload is not JSON');
  });
});
