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
