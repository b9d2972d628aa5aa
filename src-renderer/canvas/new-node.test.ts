import { describe, expect, it } from 'vitest';
import { nodeConfigSchemas } from '@shared/flow/node-kinds';
import type { FlowbenchNode } from './flow-types';
import { createNode, edgeId } from './new-node';

describe('createNode', () => {
  it('gives a valid config from schema defaults and starter values', () => {
    const node = createNode('kafkaTopic', { x: 1, y: 2 }, []);
    expect(node).toMatchObject({ id: 'topic-1', type: 'kafkaTopic', position: { x: 1, y: 2 } });
    expect(node.data.config).toMatchObject({ name: 'topic-1', topic: 'events', partitions: 3 });
    expect(nodeConfigSchemas.kafkaTopic.safeParse(node.data.config).success).toBe(true);
  });

  it('picks the smallest number not used as an id or a name', () => {
    const a = createNode('producer', { x: 0, y: 0 }, []);
    const renamed = {
      ...a,
      id: 'p',
      data: { config: { ...a.data.config, name: 'producer-2' } },
    } as FlowbenchNode;
    const b = createNode('producer', { x: 0, y: 0 }, [a, renamed]);
    expect(b.id).toBe('producer-3');
    expect(b.data.config.name).toBe('producer-3');
  });
});

describe('edgeId', () => {
  it('is unique among taken ids', () => {
    expect(edgeId('a', 'b', null, new Set())).toBe('e-a-b');
    expect(edgeId('c', 's', 'SayHello', new Set())).toBe('e-c-s-SayHello');
    expect(edgeId('a', 'b', null, new Set(['e-a-b', 'e-a-b-2']))).toBe('e-a-b-3');
  });
});

describe('createNode for the newer kinds', () => {
  it('writes a consumer’s group id out, as format 2 does', () => {
    expect(createNode('consumer', { x: 0, y: 0 }, []).data.config).toMatchObject({
      name: 'consumer-1',
      group: 'consumer-1',
    });
  });

  it('sizes a group from its config and draws it beneath other nodes', () => {
    const group = createNode('group', { x: 0, y: 0 }, []);
    expect(group).toMatchObject({ width: 520, height: 320, zIndex: -1 });
  });

  it('makes a node dropped inside a group’s box its member, positioned relative to it', () => {
    const group = { ...createNode('group', { x: 100, y: 100 }, []), id: 'ctx' } as FlowbenchNode;
    const inside = createNode('sink', { x: 150, y: 150 }, [group]);
    expect(inside).toMatchObject({ parentId: 'ctx', position: { x: 50, y: 50 } });
    const outside = createNode('sink', { x: 900, y: 900 }, [group]);
    expect(outside.parentId).toBeUndefined();
  });
});
