import { describe, expect, it } from 'vitest';
import { parseFlowText, serializeFlow } from './parse';

describe('groups and edge settings (format 2)', () => {
  const v2 = (nodes: unknown[], edges: unknown[] = []): string =>
    JSON.stringify({ version: 2, name: 'g', nodes, edges });

  it('puts groups before their members and writes parentId and edge config', () => {
    const res = parseFlowText(
      v2(
        [
          {
            id: 'q',
            kind: 'rabbitQueue',
            parentId: 'ctx',
            position: { x: 20, y: 40 },
            config: { queue: 'q' },
          },
          { id: 'x', kind: 'rabbitExchange', config: { exchange: 'x', type: 'topic' } },
          { id: 'ctx', kind: 'group', config: { name: 'Billing' } },
        ],
        [{ id: 'b', source: 'x', target: 'q', config: { pattern: 'orders.*', routingKey: '' } }],
      ),
    );
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    expect(res.flow.nodes.map((n) => n.id)).toEqual(['ctx', 'q', 'x']);
    const text = serializeFlow(res.flow);
    const doc = JSON.parse(text) as {
      nodes: Array<{ id: string; parentId?: string }>;
      edges: Array<{ config?: unknown }>;
    };
    expect(doc.nodes.find((n) => n.id === 'q')?.parentId).toBe('ctx');
    // Empty settings are left out of the file.
    expect(doc.edges[0].config).toEqual({ pattern: 'orders.*' });
  });

  it('refuses a parent that is missing, not a group, or a cycle', () => {
    const res = parseFlowText(
      v2([
        { id: 'a', kind: 'sink', parentId: 'nope' },
        { id: 'b', kind: 'sink', parentId: 'a' },
        { id: 'g1', kind: 'group', parentId: 'g2' },
        { id: 'g2', kind: 'group', parentId: 'g1' },
      ]),
    );
    if (res.ok) throw new Error('expected problems');
    expect(res.problems.map((p) => `${p.path} ${p.message}`)).toEqual([
      'nodes[0].parentId refers to a group "nope" that does not exist',
      'nodes[1].parentId refers to "a", which is not a group',
      'nodes[2].parentId makes a group contain itself',
      'nodes[3].parentId makes a group contain itself',
    ]);
  });

  it('refuses a malformed topic pattern on an edge', () => {
    const res = parseFlowText(
      v2(
        [
          { id: 'x', kind: 'rabbitExchange', config: { exchange: 'x', type: 'topic' } },
          { id: 'q', kind: 'rabbitQueue', config: { queue: 'q' } },
        ],
        [{ id: 'b', source: 'x', target: 'q', config: { pattern: 'orders..eu' } }],
      ),
    );
    if (res.ok) throw new Error('expected problems');
    expect(res.problems[0]).toMatchObject({
      path: 'edges[0].config.pattern',
      message: 'must not have empty words ("..")',
    });
  });

  it('refuses edges into a group or a note', () => {
    const res = parseFlowText(
      v2(
        [
          { id: 'n', kind: 'note' },
          { id: 's', kind: 'sink' },
        ],
        [{ id: 'e', source: 'n', target: 's' }],
      ),
    );
    if (res.ok) throw new Error('expected problems');
    expect(res.problems[0].message).toBe('A note takes no connections: it only annotates the canvas');
  });
});
