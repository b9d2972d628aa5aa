import { describe, expect, it } from 'vitest';
import { behaviourList } from '@shared/flow/kinds/behaviours';
import { type BehaviourError, type BehaviourMessage } from './behaviour-message';
import { BehaviourPipeline, type PipelineOptions } from './behaviour-pipeline';
import { jsonMessage, jsonOf, testDeps } from './behaviour-test-kit';
import { behaviourProblems } from './check-behaviours';

function pipeline(raw: unknown[], extra: Partial<PipelineOptions> = {}) {
  const emitted: BehaviourMessage[][] = [];
  const errors: BehaviourError[] = [];
  const deps = testDeps();
  const p = new BehaviourPipeline(behaviourList.parse(raw), {
    ...deps,
    emit: (m) => emitted.push(m),
    onError: (e) => errors.push(e),
    ...extra,
  });
  return { p, emitted, errors, clock: deps.clock };
}

describe('BehaviourPipeline', () => {
  it('passes each message through the steps in order: split, filter, transform, route', async () => {
    const { p } = pipeline([
      { kind: 'split', path: '$.lines' },
      { kind: 'filter', when: '$.qty > 0' },
      {
        kind: 'transform',
        template: '{"sku": "{{payload.sku}}", "qty": {{payload.qty}}}',
      },
      { kind: 'route', routes: [{ when: '$.qty >= 10', output: 'bulk' }] },
    ]);
    const out = await p.process(
      jsonMessage({
        lines: [
          { sku: 'a', qty: 1 },
          { sku: 'b', qty: 0 },
          { sku: 'c', qty: 12 },
        ],
      }),
    );
    expect(out.map((m) => [m.output, m.json])).toEqual([
      ['else', { sku: 'a', qty: 1 }],
      ['bulk', { sku: 'c', qty: 12 }],
    ]);
  });

  it('carries the trace through every step and drops what belonged to an old payload', async () => {
    const trace = { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16) };
    // A runtime message may carry more (a stored message id): it must not follow a new payload.
    const input = { ...jsonMessage({ items: [{ n: 1 }, { n: 2 }] }, { trace }), messageId: 41 };
    const { p } = pipeline([
      { kind: 'split', path: '$.items' },
      { kind: 'transform', template: '{"m": {{payload.n}}}' },
      { kind: 'route', routes: [{ when: '$.m > 1', output: 'big' }] },
      { kind: 'aggregate', count: 2 },
    ]);
    const [out] = await p.process(input);
    expect(out.json).toEqual([{ m: 1 }, { m: 2 }]);
    expect(out.trace).toEqual(trace);
    expect(out).not.toHaveProperty('messageId');
    const { p: passThrough } = pipeline([
      { kind: 'filter', when: '$.items exists' },
      { kind: 'delay', ms: 0 },
    ]);
    expect(await passThrough.process(input)).toEqual([input]);
  });

  it('returns the message unchanged with no steps', async () => {
    const m = jsonMessage({ a: 1 });
    expect(await pipeline([]).p.process(m)).toEqual([m]);
  });

  it('sends a closed window through the later steps and then to emit', async () => {
    const { p, emitted, clock } = pipeline([
      { kind: 'aggregate', count: 0, windowMs: 100 },
      { kind: 'transform', template: '{"n": {{payload}} }' },
    ]);
    expect(await p.process(jsonMessage(1))).toEqual([]);
    await p.process(jsonMessage(2));
    clock.advance(100);
    await new Promise((r) => setImmediate(r));
    expect(emitted.map(jsonOf)).toEqual([[{ n: [1, 2] }]]);
  });

  it('reports an error of a window run to onError, naming the step', async () => {
    const { p, errors, clock } = pipeline([
      { kind: 'aggregate', count: 0, windowMs: 100 },
      { kind: 'split', path: '$.items' },
    ]);
    await p.process(jsonMessage(1));
    clock.advance(100);
    await new Promise((r) => setImmediate(r));
    expect(errors.map((e) => e.message)).toEqual([
      'node "svc", behaviours[1].path: $.items is missing in the message',
    ]);
  });

  it('flushes held groups through the later steps on stop', async () => {
    const { p, clock } = pipeline([
      { kind: 'aggregate', by: '$.k', count: 5 },
      { kind: 'aggregate', count: 5 },
    ]);
    for (const k of ['a', 'b', 'a']) await p.process(jsonMessage({ k }));
    const out = await p.flush();
    expect(out.map((m) => m.json)).toEqual([[[{ k: 'a' }, { k: 'a' }], [{ k: 'b' }]]]);
    expect(clock.pending).toBe(0);
  });

  it('rejects with the error of the failing step', async () => {
    const { p } = pipeline([
      { kind: 'transform' },
      { kind: 'filter', when: '$.x.y > 1' },
      { kind: 'split', path: '$.x' },
    ]);
    await expect(p.process(jsonMessage({ x: { y: 2 } }))).rejects.toThrow(
      'node "svc", behaviours[2].path: $.x is not an array (found an object)',
    );
  });
});

describe('behaviourProblems', () => {
  it('lists every predicate, path and template that does not compile, by field', () => {
    const specs = behaviourList.parse([
      { kind: 'transform', template: '{{payload.a}' },
      {
        kind: 'route',
        routes: [
          { when: '$.a == 1', output: 'a' },
          { when: '$.a = 1', output: 'b' },
        ],
      },
      { kind: 'filter', when: '$.ok' },
      { kind: 'split', path: 'items' },
      { kind: 'aggregate', by: '$.a[', count: 2 },
      { kind: 'enrich', target: 'x', into: '$.a' },
    ]);
    expect(behaviourProblems('svc', specs)).toEqual([
      { field: 'behaviours[0].template', message: '"{{" at character 0 is never closed with "}}"' },
      {
        field: 'behaviours[1].routes[1].when',
        message:
          'at character 5 of "$.a = 1": expected ==, !=, <, <=, >, >=, exists, matches or in, found "= 1"',
      },
      {
        field: 'behaviours[3].path',
        message:
          'at character 1 of "items": unknown name "items": a path starts with $, payload, key or headers',
      },
      {
        field: 'behaviours[4].by',
        message: 'at character 5 of "$.a[": expected an index or a quoted name inside [ ], found the end',
      },
    ]);
  });

  it('finds nothing wrong with good steps', () => {
    expect(
      behaviourProblems(
        'svc',
        behaviourList.parse([{ kind: 'filter', when: '$.total > 100' }, { kind: 'delay' }]),
      ),
    ).toEqual([]);
  });
});
