import { describe, expect, it } from 'vitest';
import { routerConfig, filterConfig } from '../../kinds/routing';
import { compilePredicate } from '../../expressions/predicate';
import { testFlow } from '../test-flow';
import { badExpression } from './bad-expression';

describe('bad-expression', () => {
  it('accepts the default predicates of routers and filters', () => {
    expect(() => compilePredicate(routerConfig.parse({}).routes[0].when)).not.toThrow();
    expect(() => compilePredicate(filterConfig.parse({}).when)).not.toThrow();
    const flow = testFlow([
      ['r', 'router', routerConfig.parse({})],
      ['f', 'filter', filterConfig.parse({})],
    ]);
    expect(badExpression(flow)).toEqual([]);
  });

  it('names the node, field and character of each predicate or path that does not parse', () => {
    const flow = testFlow([
      [
        'r',
        'router',
        {
          routes: [
            { output: 'a', when: '$.a == 1' },
            { output: 'b', when: 'total > 5' },
          ],
        },
      ],
      ['f', 'filter', { when: '$.a >' }],
      [
        'svc',
        'restService',
        {
          behaviours: [
            { kind: 'route', routes: [{ when: '$.x in [1', output: 'o' }] },
            { kind: 'split', path: '$.items[' },
            { kind: 'aggregate', by: '' },
            { kind: 'enrich', into: '$.ok' },
          ],
        },
      ],
    ]);
    expect(badExpression(flow).map((f) => [f.nodeId, f.message])).toEqual([
      [
        'r',
        '"r" routes[1].when: at character 1 of "total > 5": unknown name "total": a path starts with $, payload, key or headers',
      ],
      ['f', '"f" when: at character 6 of "$.a >": expected a path or a value, found the end'],
      [
        'svc',
        '"svc" behaviours[0].routes[0].when: at character 10 of "$.x in [1": expected "," or "]", found the end',
      ],
      [
        'svc',
        '"svc" behaviours[1].path: at character 9 of "$.items[": expected an index or a quoted name inside [ ], found the end',
      ],
    ]);
  });
});
