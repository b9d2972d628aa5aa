import { describe, expect, it } from 'vitest';
import { parseFlowText, serializeFlow, validateNodeConfig } from '../parse';
import { behaviourSpec } from './behaviours';
import { faultSpec } from './faults';

const flow = (nodes: unknown[], edges: unknown[] = []): string =>
  JSON.stringify({ version: 2, name: 'f', nodes, edges });

describe('fault specs', () => {
  it('fill defaults for each kind, leaving the error forms to the runtime', () => {
    expect(faultSpec.parse({ kind: 'latency' })).toEqual({
      kind: 'latency',
      enabled: true,
      latencyMs: 100,
      jitterMs: 0,
    });
    expect(faultSpec.parse({ kind: 'error' })).toEqual({ kind: 'error', enabled: true, probability: 0.1 });
    expect(faultSpec.parse({ kind: 'duplicate' })).toMatchObject({ copies: 1 });
    expect(faultSpec.parse({ kind: 'reorder' })).toMatchObject({ window: 5, maxHoldMs: 1000 });
    expect(faultSpec.parse({ kind: 'failFirst', enabled: false })).toEqual({
      kind: 'failFirst',
      enabled: false,
      count: 3,
    });
    expect(faultSpec.parse({ kind: 'error', error: { grpc: { code: 'INTERNAL' } } })).toMatchObject({
      error: {
        grpc: { code: 'INTERNAL', message: 'injected fault' },
        kafka: { code: 'NOT_LEADER_FOR_PARTITION' },
      },
    });
  });

  it('name the field of a bad fault on a node', () => {
    expect(
      validateNodeConfig('kafkaTopic', {
        topic: 't',
        faults: [
          { kind: 'slow' },
          { kind: 'drop', probability: 2 },
          { kind: 'error', error: { kafka: { code: 'OOPS' } } },
        ],
      }),
    ).toEqual({
      ok: false,
      errors: {
        'faults[0].kind': 'must be one of latency, error, drop, duplicate, reorder, failFirst',
        'faults[1].probability': 'must be between 0 and 1',
        'faults[2].error.kafka.code': expect.stringMatching(
          /^must be one of UNKNOWN_SERVER_ERROR, .*NOT_LEADER_FOR_PARTITION/,
        ),
      },
    });
  });
});

describe('behaviour specs', () => {
  it('fill defaults and insist that an aggregate has a count or a window', () => {
    expect(behaviourSpec.parse({ kind: 'aggregate' })).toEqual({
      kind: 'aggregate',
      by: '',
      count: 10,
      windowMs: 0,
    });
    expect(behaviourSpec.parse({ kind: 'route' })).toEqual({ kind: 'route', routes: [], otherwise: 'else' });
    expect(
      validateNodeConfig('restService', { behaviours: [{ kind: 'aggregate', count: 0 }, { kind: 'shout' }] }),
    ).toEqual({
      ok: false,
      errors: {
        'behaviours[0].count': 'needs a count or a window (or both)',
        'behaviours[1].kind':
          'must be one of transform, route, filter, enrich, split, aggregate, delay, fail, state, recover',
      },
    });
  });
});

describe('flow files with faults and behaviours', () => {
  it('keep configs without them exactly as before (no new keys written)', () => {
    const res = parseFlowText(flow([{ id: 't', kind: 'kafkaTopic', config: { topic: 'orders' } }]));
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    expect(res.flow.nodes[0].config).not.toHaveProperty('faults');
    expect(serializeFlow(res.flow)).not.toContain('faults');
  });

  it('read and write faults on nodes and edges and behaviours on services and routers', () => {
    const text = flow(
      [
        { id: 'p', kind: 'producer', config: { faults: [{ kind: 'latency', latencyMs: 20, jitterMs: 5 }] } },
        { id: 't', kind: 'kafkaTopic', config: { topic: 'orders' } },
        { id: 'r', kind: 'router', config: { behaviours: [{ kind: 'transform', template: '{{payload}}' }] } },
      ],
      [
        {
          id: 'e1',
          source: 'p',
          target: 't',
          config: { faults: [{ kind: 'drop', probability: 0.5, enabled: false }] },
        },
        { id: 'e2', source: 't', target: 'r' },
      ],
    );
    const res = parseFlowText(text);
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    const again = parseFlowText(serializeFlow(res.flow));
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    expect(again.flow.nodes.find((n) => n.id === 'p')?.config).toMatchObject({
      faults: [{ kind: 'latency', enabled: true, latencyMs: 20, jitterMs: 5 }],
    });
    expect(again.flow.nodes.find((n) => n.id === 'r')?.config).toMatchObject({
      behaviours: [{ kind: 'transform', template: '{{payload}}', output: 'json' }],
    });
    expect(again.flow.edges[0].config).toEqual({
      faults: [{ kind: 'drop', probability: 0.5, enabled: false }],
    });
    expect(again.flow.edges[1].config).toBeUndefined();
  });

  it('locate a bad fault on an edge', () => {
    const res = parseFlowText(
      flow(
        [
          { id: 'p', kind: 'producer' },
          { id: 't', kind: 'kafkaTopic', config: { topic: 'orders' } },
        ],
        [{ id: 'e1', source: 'p', target: 't', config: { faults: [{ kind: 'reorder', window: 1 }] } }],
      ),
    );
    expect(res).toMatchObject({
      ok: false,
      problems: [{ path: 'edges[0].config.faults[0].window', message: 'must be at least 2' }],
    });
  });
});
