import { describe, expect, it } from 'vitest';
import { FLOW_FORMAT_VERSION } from './document';
import { parseFlowText, serializeFlow, validateNodeConfig } from './parse';
import { describeProblem } from './problems';

const flow = (nodes: unknown[], edges: unknown[] = []): string =>
  JSON.stringify({ version: 1, name: 'f', nodes, edges });

describe('parseFlowText', () => {
  it('fills defaults for a minimal valid flow', () => {
    const res = parseFlowText(flow([{ id: 't', kind: 'kafkaTopic', config: { topic: 'orders' } }]));
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    expect(res.flow.nodes[0].config).toEqual({
      name: 'topic',
      topic: 'orders',
      partitions: 3,
      retentionMs: 604_800_000,
      replicationFactor: -1,
      cleanupPolicy: 'delete',
      maxMessageBytes: 1_048_588,
      keySchema: '',
      contract: { format: 'none' },
      encoding: 'json',
      schemaId: 1,
    });
  });

  it('names the node and field of a missing value', () => {
    const nodes = [
      { id: 'a', kind: 'producer', config: {} },
      { id: 'b', kind: 'consumer', config: {} },
      { id: 'c', kind: 'kafkaTopic', config: {} },
      { id: 'orders-producer', kind: 'kafkaTopic', config: { name: 'orders-producer' } },
    ];
    const res = parseFlowText(flow(nodes));
    if (res.ok) throw new Error('expected problems');
    const p = res.problems.find((x) => x.nodeId === 'orders-producer');
    expect(p).toMatchObject({ path: 'nodes[3].config.topic', field: 'topic', message: 'is required' });
    expect(describeProblem(p!, 'orders-producer')).toBe(
      'nodes[3] "orders-producer": config.topic is required',
    );
  });

  it('explains wrong types and ranges', () => {
    const res = parseFlowText(flow([{ id: 'p', kind: 'producer', config: { rate: -1, count: 'many' } }]));
    if (res.ok) throw new Error('expected problems');
    expect(res.problems.map((p) => `${p.path} ${p.message}`)).toEqual([
      'nodes[0].config.rate must be greater than 0',
      'nodes[0].config.count must be a number',
    ]);
  });

  it('refuses corrupt JSON, a missing version and a newer version, clearly', () => {
    const corrupt = parseFlowText('{"version": 1, "nodes": [');
    expect(corrupt.ok).toBe(false);
    if (!corrupt.ok) expect(corrupt.problems[0].message).toMatch(/not valid JSON/);
    const noVersion = parseFlowText('{"nodes": []}');
    if (!noVersion.ok) expect(noVersion.problems[0].message).toMatch(/not a Flowbench flow file/);
    const newer = parseFlowText(JSON.stringify({ version: FLOW_FORMAT_VERSION + 1, nodes: [] }));
    expect(newer.ok).toBe(false);
    if (!newer.ok) expect(newer.problems[0].message).toMatch(/newer Flowbench/);
  });

  it('refuses an unknown kind, duplicate ids and edges to missing nodes', () => {
    const res = parseFlowText(
      flow(
        [
          { id: 'a', kind: 'producer' },
          { id: 'a', kind: 'consumer' },
        ],
        [{ id: 'e', source: 'a', target: 'zzz' }],
      ),
    );
    if (res.ok) throw new Error('expected problems');
    expect(res.problems.map((p) => p.message)).toEqual([
      '"a" is used by another node',
      'refers to a node "zzz" that does not exist',
    ]);
    const unknown = parseFlowText(flow([{ id: 'x', kind: 'teleporter' }]));
    if (!unknown.ok) expect(unknown.problems[0].message).toMatch(/must be one of producer/);
  });

  it('refuses connections the kinds do not allow, saying why', () => {
    const res = parseFlowText(
      flow(
        [
          { id: 'p', kind: 'producer' },
          { id: 'c', kind: 'consumer' },
        ],
        [{ id: 'e', source: 'p', target: 'c' }],
      ),
    );
    if (res.ok) throw new Error('expected problems');
    expect(res.problems[0]).toMatchObject({
      path: 'edges[0]',
      message:
        'A producer can connect to a Kafka topic, a RabbitMQ exchange or a RabbitMQ queue, not to a consumer: messages reach a consumer through a topic or a queue',
    });
  });
});

describe('serializeFlow', () => {
  it('writes stable, sorted, pretty JSON that parses back to the same flow', () => {
    const res = parseFlowText(
      flow([{ id: 't', kind: 'kafkaTopic', position: { x: 10.4, y: 2 }, config: { topic: 'o', name: 'n' } }]),
    );
    if (!res.ok) throw new Error('invalid');
    const text = serializeFlow(res.flow);
    expect(text).toContain(
      '"config": {\n        "cleanupPolicy": "delete",\n        "contract": {\n          "format": "none"\n        },\n        "encoding": "json",\n        "keySchema": "",\n        "maxMessageBytes": 1048588,\n        "name": "n",\n        "partitions": 3,\n        "replicationFactor": -1,\n        "retentionMs": 604800000,\n        "schemaId": 1,\n        "topic": "o"',
    );
    const again = parseFlowText(text);
    expect(again.ok && serializeFlow(again.flow)).toBe(text);
  });
});

describe('validateNodeConfig', () => {
  it('maps errors by field for the inspector', () => {
    const res = validateNodeConfig('rabbitQueue', { queue: 'amq.x', prefetch: 0 });
    expect(res).toEqual({
      ok: false,
      errors: { queue: 'must not start with "amq." (reserved by RabbitMQ)', prefetch: expect.any(String) },
    });
  });
});
