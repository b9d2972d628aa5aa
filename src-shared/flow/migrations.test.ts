import { describe, expect, it } from 'vitest';
import { FLOW_FORMAT_VERSION } from './document';
import v1Fixture from './fixtures/v1-orders.flow.json';
import { migrateFlow } from './migrations';
import { parseFlowText, serializeFlow } from './parse';

const v1Text = JSON.stringify(v1Fixture);

describe('flow format migrations', () => {
  it('opens a format 1 file, saying it migrated', () => {
    const res = parseFlowText(v1Text);
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    expect(res.migratedFrom).toBe(1);
    expect(res.flow.version).toBe(FLOW_FORMAT_VERSION);
    expect(res.flow.nodes.map((n) => n.id)).toEqual(v1Fixture.nodes.map((n) => n.id));
  });

  it('writes out the consumer group that format 1 took from the node name', () => {
    const res = parseFlowText(v1Text);
    if (!res.ok) throw new Error('invalid');
    const groups = Object.fromEntries(
      res.flow.nodes.flatMap((n) => (n.kind === 'consumer' ? [[n.id, n.config.group]] : [])),
    );
    // Empty and missing groups become the name; a group that was set stays.
    expect(groups).toEqual({ billing: 'billing', audit: 'audit', shipping: 'shipping-v1' });
  });

  it('saves in format 2 without null handles, and the saved file opens without migrating', () => {
    const res = parseFlowText(v1Text);
    if (!res.ok) throw new Error('invalid');
    const saved = serializeFlow(res.flow);
    const doc = JSON.parse(saved) as { version: number; edges: Array<Record<string, unknown>> };
    expect(doc.version).toBe(2);
    expect(doc.edges[0]).toEqual({ id: 'e1', source: 'orders-producer', target: 'orders-topic' });
    expect(doc.edges[4].targetHandle).toBe('SayHello');
    const again = parseFlowText(saved);
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    expect(again.migratedFrom).toBeUndefined();
    expect(serializeFlow(again.flow)).toBe(saved);
  });

  it('keeps every format 1 setting (new fields get their defaults)', () => {
    const res = parseFlowText(v1Text);
    if (!res.ok) throw new Error('invalid');
    const topic = res.flow.nodes.find((n) => n.id === 'orders-topic');
    expect(topic?.config).toMatchObject({ topic: 'orders', partitions: 3, retentionMs: 604_800_000 });
    const service = res.flow.nodes.find((n) => n.id === 'greeter');
    expect(service?.config).toMatchObject({ service: 'helloworld.Greeter', imports: {}, streaming: [] });
  });

  it('migrates step by step and refuses a version it has no step for', () => {
    const migrated = migrateFlow({ version: 1, nodes: [{ id: 'c', kind: 'consumer', config: {} }] });
    expect(migrated).toEqual({
      version: 2,
      nodes: [{ id: 'c', kind: 'consumer', config: { group: 'consumer' } }],
      edges: undefined,
    });
    expect(() => migrateFlow({ version: 0 })).toThrow('no migration from flow format version 0');
  });
});
