import { describe, expect, it } from 'vitest';
import { copyPayload, parsePayload, payloadOrigin, remapPaste, uniqueName } from './clipboard';
import type { FlowbenchEdge, FlowbenchNode } from './flow-types';
import { createNode } from './new-node';

function flow(): { nodes: FlowbenchNode[]; edges: FlowbenchEdge[] } {
  const nodes: FlowbenchNode[] = [];
  for (const [kind, x] of [
    ['producer', 0],
    ['kafkaTopic', 300],
    ['consumer', 600],
  ] as const) {
    nodes.push({ ...createNode(kind, { x, y: 100 }, nodes), selected: kind !== 'consumer' });
  }
  const edges: FlowbenchEdge[] = [
    { id: 'e1', source: nodes[0].id, target: nodes[1].id, selected: true },
    { id: 'e2', source: nodes[1].id, target: nodes[2].id },
  ];
  return { nodes, edges };
}

describe('clipboard', () => {
  it('copies the selected nodes and only the edges between them, without view state', () => {
    const { nodes, edges } = flow();
    const payload = copyPayload(nodes, edges)!;
    expect(payload.nodes.map((n) => n.id)).toEqual(['producer-1', 'topic-1']);
    expect(payload.edges.map((e) => e.id)).toEqual(['e1']);
    expect(payload.nodes[0]).not.toHaveProperty('selected');
    expect(
      copyPayload(
        nodes.map((n) => ({ ...n, selected: false })),
        edges,
      ),
    ).toBeNull();
  });

  it('round-trips through JSON text and refuses other text politely', () => {
    const { nodes, edges } = flow();
    const text = JSON.stringify(copyPayload(nodes, edges));
    const parsed = parsePayload(text);
    expect(parsed.ok && parsed.payload.nodes).toHaveLength(2);
    expect(parsePayload('hello')).toEqual({ ok: false, reason: 'The clipboard holds no Flowbench nodes.' });
    expect(parsePayload('{"nodes":[]}').ok).toBe(false);
    const broken = JSON.parse(text);
    broken.edges[0].target = 'missing';
    expect(parsePayload(JSON.stringify(broken)).ok).toBe(false);
  });

  it('remaps taken ids and names, re-links edges and offsets positions', () => {
    const { nodes, edges } = flow();
    const payload = copyPayload(nodes, edges)!;
    const pasted = remapPaste(payload, nodes, edges, { x: 40, y: 20 });
    expect(pasted.nodes.map((n) => [n.id, n.data.config.name])).toEqual([
      ['producer-2', 'producer-2'],
      ['topic-2', 'topic-2'],
    ]);
    expect(pasted.nodes[1].position).toEqual({ x: 340, y: 120 });
    expect(pasted.edges).toHaveLength(1);
    expect(pasted.edges[0]).toMatchObject({ source: 'producer-2', target: 'topic-2', selected: true });
    expect(pasted.edges[0].id).not.toBe('e1');
    expect(pasted.nodes.every((n) => n.selected)).toBe(true);
  });

  it('points references between pasted nodes at the copies, and others at what they named', () => {
    const nodes: FlowbenchNode[] = [];
    const service = { ...createNode('restService', { x: 0, y: 0 }, nodes), selected: true };
    nodes.push(service);
    const other = { ...createNode('restService', { x: 0, y: 200 }, nodes), selected: false };
    nodes.push(other);
    const saga = createNode('sagaOrchestrator', { x: 300, y: 0 }, nodes);
    const steps = saga.type === 'sagaOrchestrator' ? saga.data.config.steps : [];
    const withSteps = {
      ...saga,
      selected: true,
      data: {
        config: {
          ...saga.data.config,
          steps: [
            { ...steps[0], name: 'reserve', target: service.data.config.name },
            { ...steps[0], name: 'charge', target: other.data.config.name },
          ],
        },
      },
    } as FlowbenchNode;
    nodes.push(withSteps);
    const pasted = remapPaste(copyPayload(nodes, [])!, nodes, [], { x: 40, y: 40 });
    const [copiedService, copiedSaga] = pasted.nodes;
    expect(copiedService.data.config.name).not.toBe(service.data.config.name);
    const copiedSteps = copiedSaga.type === 'sagaOrchestrator' ? copiedSaga.data.config.steps : [];
    expect(copiedSteps.map((st) => st.target)).toEqual([
      copiedService.data.config.name,
      other.data.config.name,
    ]);
  });

  it('keeps ids and names that are free in the target flow', () => {
    const { nodes, edges } = flow();
    const pasted = remapPaste(copyPayload(nodes, edges)!, [], [], { x: 0, y: 0 });
    expect(pasted.nodes.map((n) => n.id)).toEqual(['producer-1', 'topic-1']);
  });

  it('numbers names after the first free suffix', () => {
    expect(uniqueName('orders', new Set(['orders']))).toBe('orders-2');
    expect(uniqueName('producer-1', new Set(['producer-1', 'producer-2']))).toBe('producer-3');
    expect(uniqueName('free', new Set())).toBe('free');
  });

  it('finds the top-left corner of what was copied', () => {
    const { nodes, edges } = flow();
    expect(payloadOrigin(copyPayload(nodes, edges)!)).toEqual({ x: 0, y: 100 });
  });

  it('copies a group with its children and frees a child copied without its group', () => {
    const group = { ...createNode('producer', { x: 100, y: 100 }, []), id: 'g' } as FlowbenchNode;
    const child = { ...createNode('consumer', { x: 10, y: 20 }, []), parentId: 'g', selected: true };
    const withGroup = copyPayload(
      [
        { ...group, selected: true },
        { ...child, selected: false },
      ],
      [],
    )!;
    expect(withGroup.nodes.map((n) => n.parentId)).toEqual([undefined, 'g']);
    const alone = copyPayload([group, child as FlowbenchNode], [])!;
    expect(alone.nodes[0]).toMatchObject({ position: { x: 110, y: 120 } });
    expect(alone.nodes[0].parentId).toBeUndefined();
  });
});
