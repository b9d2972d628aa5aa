import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '@shared/flow/document';
import { parseFlowValue } from '@shared/flow/parse';
import { mergeImported } from './merge-imported';

const doc = (nodes: unknown[], edges: unknown[] = []): FlowDocument => {
  const res = parseFlowValue({ version: 2, name: 'f', nodes, edges });
  if (!res.ok) throw new Error(JSON.stringify(res.problems));
  return res.flow;
};

describe('mergeImported', () => {
  it('adds the imported nodes right of the flow, renaming taken ids and their edges', () => {
    const current = doc([
      { id: 'orders', kind: 'kafkaTopic', position: { x: 100, y: 50 }, config: { topic: 'orders' } },
    ]);
    const imported = doc(
      [
        { id: 'orders', kind: 'kafkaTopic', position: { x: 0, y: 0 }, config: { topic: 'orders.v2' } },
        { id: 'shop', kind: 'producer', position: { x: 0, y: 100 }, config: {} },
      ],
      [{ id: 'e-shop-orders', source: 'shop', target: 'orders' }],
    );
    const merged = mergeImported(current, imported);
    expect(merged.nodes.map((n) => [n.id, n.position])).toEqual([
      ['orders', { x: 100, y: 50 }],
      ['orders-2', { x: 340, y: 50 }],
      ['shop', { x: 340, y: 150 }],
    ]);
    expect(merged.edges).toEqual([{ id: 'e-shop-orders', source: 'shop', target: 'orders-2' }]);
    // The result is a valid flow: every edge lands on a node that exists.
    expect(parseFlowValue(JSON.parse(JSON.stringify(merged))).ok).toBe(true);
  });

  it('into an empty flow keeps the imported layout as it is', () => {
    const imported = doc([{ id: 'shop', kind: 'producer', position: { x: 12, y: 12 }, config: {} }]);
    expect(mergeImported(doc([]), imported).nodes[0].position).toEqual({ x: 12, y: 12 });
  });
});
