import { describe, expect, it } from 'vitest';
import { compileFlow } from './compile-flow';

function compile(resources: unknown[]): ReturnType<typeof compileFlow> {
  return compileFlow({
    version: 2,
    name: 'resources',
    nodes: [
      {
        id: 'api',
        kind: 'restService',
        position: { x: 0, y: 0 },
        config: { name: 'api', routes: [], resources },
      },
    ],
    edges: [],
  });
}

describe('REST service resources', () => {
  it('compiles a resource with its seed', () => {
    const res = compile([{ path: '/v1/users/:userId/orders', seed: '[{"id": 1, "userId": 7}]' }]);
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    expect(
      res.compiled.restServices[0].resources?.map((r) => [r.resource.path, r.resource.pageSize]),
    ).toEqual([['/v1/users/:userId/orders', 10]]);
  });

  it('names each problem with its field', () => {
    const res = compile([
      { path: '/v1/orders', seed: '{"id": 1}' },
      { path: '/v1/orders/', seed: '[1]' },
      { path: '/v1/:resourceId/notes', seed: '[{{faker.nope.x}}]' },
      { path: '/v1/x', idField: 'not a field' },
    ]);
    expect(res.ok ? [] : res.problems.map((p) => `${p.field ?? p.path}: ${p.message}`)).toEqual([
      'resources[3].idField: must be a field name such as id',
    ]);
    const fixed = compile([
      { path: '/v1/orders', seed: '{"id": 1}' },
      { path: '/v1/orders/', seed: '[1]' },
      { path: '/v1/:resourceId/notes', seed: '[{{faker.nope.x}}]' },
    ]);
    expect(fixed.ok ? [] : fixed.problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'resources[0].seed: must render to a JSON array of items, e.g. [{"id": 1}]',
      'resources[1].path: serves /v1/orders a second time; keep one resource per path',
      'resources[1].seed: item 1 is not a JSON object',
      'resources[2].path: ":resourceId" names the item id; call the parameter something else',
      expect.stringMatching(/^resources\[2\]\.seed: unknown faker function/),
    ]);
  });
});
