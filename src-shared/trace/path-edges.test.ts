import { describe, expect, it } from 'vitest';
import { edgesForHops, traceHops } from './path-edges';
import { ev } from './trace-test-events';

const edges = [
  { id: 'e1', source: 'prod', target: 'topic' },
  { id: 'e2', source: 'topic', target: 'cons' },
  { id: 'e3', source: 'topic', target: 'audit' },
  { id: 'e4', source: 'cons', target: 'svc' },
];

describe('edges a trace travelled', () => {
  it('lights producer → topic → consumer through the channel node, and a call edge for its reply', () => {
    expect([...edgesForHops(edges, [{ from: 'prod', to: 'cons' }])].sort()).toEqual(['e1', 'e2']);
    expect([...edgesForHops(edges, [{ from: 'svc', to: 'cons' }])]).toEqual(['e4']);
    expect(edgesForHops(edges, [{ from: 'prod', to: 'nowhere' }]).size).toBe(0);
  });

  it('derives hops from parent spans on other nodes, once each', () => {
    const hops = traceHops([
      ev('p', null, { nodeId: 'prod' }),
      ev('d', 'p', { nodeId: 'cons', kind: 'deliver' }),
      ev('d2', 'p', { nodeId: 'cons', kind: 'redeliver' }),
      ev('a', 'd', { nodeId: 'cons', kind: 'ack' }),
    ]);
    expect(hops).toEqual([{ from: 'prod', to: 'cons' }]);
  });
});
