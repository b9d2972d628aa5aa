import { describe, expect, it } from 'vitest';
import { BehaviourError } from './behaviour-message';
import { jsonMessage, step, textMessage } from './behaviour-test-kit';

describe('route step', () => {
  const route = step({
    kind: 'route',
    routes: [
      { when: '$.total > 1000', output: 'big' },
      { when: 'headers.region == "eu"', output: 'eu' },
    ],
  });

  it('sends each message to the first route that holds, else to otherwise', async () => {
    expect((await route.process(jsonMessage({ total: 5000 }, { headers: { region: 'eu' } })))[0].output).toBe(
      'big',
    );
    expect((await route.process(jsonMessage({ total: 5 }, { headers: { region: 'eu' } })))[0].output).toBe(
      'eu',
    );
    expect((await route.process(jsonMessage({ total: 5 })))[0].output).toBe('else');
  });

  it('drops unmatched messages when otherwise is empty', async () => {
    const strict = step({ kind: 'route', routes: [{ when: '$.a == 1', output: 'one' }], otherwise: '' });
    expect(await strict.process(jsonMessage({ a: 2 }))).toEqual([]);
  });

  it('names the route whose predicate cannot be read', () => {
    expect(() =>
      step({
        kind: 'route',
        routes: [
          { when: '$.a == 1', output: 'x' },
          { when: '$.a ==', output: 'y' },
        ],
      }),
    ).toThrow(
      /^node "svc", behaviours\[0\]\.routes\[1\]\.when: at character 7 of "\$\.a ==": expected a path or a value/,
    );
  });

  it('says the payload is not JSON when a route reads it', async () => {
    await expect(route.process(textMessage('<xml/>'))).rejects.toMatchObject({
      field: 'behaviours[0].routes[0].when',
      reason: expect.stringMatching(/^the payload is not JSON/),
    });
  });
});

describe('filter step', () => {
  it('keeps the messages the predicate holds for', async () => {
    const f = step({ kind: 'filter', when: '$.total > 100' });
    expect(await f.process(jsonMessage({ total: 101 }))).toHaveLength(1);
    expect(await f.process(jsonMessage({ total: 100 }))).toEqual([]);
    expect(await f.process(jsonMessage({}))).toEqual([]);
  });

  it('filters binary payloads by key and headers without reading them', async () => {
    const f = step({ kind: 'filter', when: 'key matches /^a/' });
    const binary = textMessage(Buffer.from([0xde, 0xad, 0xbe, 0xef]), { key: 'abc' });
    expect(await f.process(binary)).toEqual([binary]);
  });

  it('rejects a bad predicate at build time and a non-JSON payload at run time, each with its field', async () => {
    expect(() => step({ kind: 'filter', when: 'total > 1' })).toThrow(BehaviourError);
    expect(() => step({ kind: 'filter', when: 'total > 1' })).toThrow('behaviours[0].when: at character 1');
    await expect(step({ kind: 'filter', when: '$.a > 1' }).process(textMessage(''))).rejects.toThrow(
      'behaviours[0].when: the payload is empty, not JSON',
    );
  });
});
