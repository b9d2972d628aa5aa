import { beforeEach, describe, expect, it } from 'vitest';
import { emptyFlow } from '../canvas/flow-convert';
import { useFlowStore } from '../canvas/flow-store';
import type { FlowbenchNode } from '../canvas/flow-types';
import { absolutePosition } from '../canvas/group-geometry';
import { ARRANGE_COMMANDS } from './arrange-commands';

const store = (): ReturnType<typeof useFlowStore.getState> => useFlowStore.getState();
const node = (id: string): FlowbenchNode => store().nodes.find((n) => n.id === id) as FlowbenchNode;
const at = (id: string): { x: number; y: number } => absolutePosition(node(id), store().nodes);

/** A group at (400, 300) holding a producer at (40, 60) inside it, and a topic outside at (100, 100). */
function groupedFlow(): { group: string; inside: string; outside: string } {
  const group = store().addNode('group', { x: 400, y: 300 });
  const inside = store().addNode('producer', { x: 0, y: 0 });
  const outside = store().addNode('kafkaTopic', { x: 100, y: 100 });
  store().commit({
    nodes: store().nodes.map((n) =>
      n.id === inside ? { ...n, parentId: group, position: { x: 40, y: 60 } } : n,
    ),
  });
  return { group, inside, outside };
}

const select = (ids: string[]): void =>
  store().commit({ nodes: store().nodes.map((n) => ({ ...n, selected: ids.includes(n.id) })) });

describe('align across groups', () => {
  beforeEach(() => store().load(emptyFlow(), null));

  it('lines up a node inside a group with one outside it, on the canvas, keeping the group', () => {
    const { group, inside, outside } = groupedFlow();
    select([inside, outside]);
    ARRANGE_COMMANDS.alignTop.handler({ source: 'toolbar' });
    expect(at(inside).y).toBe(at(outside).y);
    expect(at(outside).y).toBe(100);
    expect(node(inside).parentId).toBe(group);
    expect(node(inside).position).toEqual({ x: 40, y: 100 - 300 });

    ARRANGE_COMMANDS.alignLeft.handler({ source: 'toolbar' });
    expect(at(inside).x).toBe(100);
    expect(at(outside).x).toBe(100);
  });

  it('moves a selected group as a whole, its children with it', () => {
    const { group, inside, outside } = groupedFlow();
    select([group, inside, outside]);
    ARRANGE_COMMANDS.alignTop.handler({ source: 'toolbar' });
    expect(node(group).position.y).toBe(100);
    expect(node(inside).position).toEqual({ x: 40, y: 60 });
  });
});
