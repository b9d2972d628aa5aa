import { describe, expect, it } from 'vitest';
import type { FlowbenchNode } from './flow-types';
import { regroup } from './group-membership';
import { createNode } from './new-node';

const group = (id: string, x: number, y: number): FlowbenchNode =>
  ({ ...createNode('group', { x, y }, []), id, width: 400, height: 300 }) as FlowbenchNode;
const sink = (id: string, x: number, y: number, parentId?: string): FlowbenchNode =>
  ({
    ...createNode('sink', { x, y }, []),
    id,
    parentId,
    measured: { width: 200, height: 80 },
  }) as FlowbenchNode;

describe('regroup', () => {
  it('makes a node dropped in a box a member, after its group, without moving it on screen', () => {
    const nodes = [sink('s', 120, 120), group('g', 100, 100)];
    const next = regroup(nodes, ['s']);
    expect(next.map((n) => n.id)).toEqual(['g', 's']);
    expect(next[1]).toMatchObject({ parentId: 'g', position: { x: 20, y: 20 } });
  });

  it('frees a member dragged out of its box', () => {
    const nodes = [group('g', 100, 100), sink('s', 600, 20, 'g')];
    const next = regroup(nodes, ['s']);
    expect(next[1].parentId).toBeUndefined();
    expect(next[1].position).toEqual({ x: 700, y: 120 });
  });

  it('leaves members dragged with their group, groups themselves and unchanged nodes alone', () => {
    const nodes = [group('g', 0, 0), sink('s', 10, 10, 'g'), sink('free', 900, 900)];
    expect(regroup(nodes, ['g', 's', 'free'])).toBe(nodes);
  });

  it("goes by the node's centre: a node half inside stays out", () => {
    const nodes = [group('g', 0, 0), sink('edge', 320, 100)];
    // Centre at x = 420 is outside the 400-wide box.
    expect(regroup(nodes, ['edge'])).toBe(nodes);
  });
});
