import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeProblem } from '@shared/flow/problems';
import { compileFlow } from './compile-flow';

const sample = (): {
  nodes: Array<{ id: string; config: Record<string, unknown> }>;
  edges: Array<Record<string, unknown>>;
} => JSON.parse(readFileSync(join(__dirname, '../../../resources/sample.flow.json'), 'utf8'));

describe('compileFlow', () => {
  it('compiles the sample flow into every path', () => {
    const res = compileFlow(sample());
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    expect(res.compiled.producers.map((p) => p.targets.map((t) => t.kind))).toEqual([['topic'], ['queue']]);
    expect(res.compiled.consumers.map((c) => c.sources[0].node.id)).toEqual(['orders-topic', 'tasks-queue']);
    expect(res.compiled.grpcClients[0].target.method.path).toBe('/helloworld.Greeter/SayHello');
    const payload = JSON.parse(res.compiled.producers[0].payload.render(3)) as { seq: number };
    expect(payload.seq).toBe(3);
  });

  it('names node and field of a missing topic', () => {
    const doc = sample();
    delete doc.nodes[1].config.topic;
    const res = compileFlow(doc);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.problems).toContainEqual(
      expect.objectContaining({
        path: 'nodes[1].config.topic',
        nodeId: 'orders-topic',
        message: 'is required',
      }),
    );
    expect(describeProblem(res.problems[0], 'orders')).toBe('nodes[1] "orders": config.topic is required');
  });

  it('reports a payload that does not render to JSON, and an unknown faker call', () => {
    const doc = sample();
    doc.nodes[0].config.payload = '{"a": {{seq}}';
    doc.nodes[3].config.payload = '{"a": "{{faker.nope.nope}}"}';
    const res = compileFlow(doc);
    if (res.ok) throw new Error('expected problems');
    expect(res.problems.map((p) => p.path)).toEqual(['nodes[0].config.payload', 'nodes[3].config.payload']);
    expect(res.problems[0].message).toMatch(/valid JSON/);
    expect(res.problems[1].message).toMatch(/faker\.nope\.nope/);
  });

  it('reports a .proto syntax error with its line, on the service node', () => {
    const doc = sample();
    doc.nodes[7].config.proto = 'syntax = "proto3";\nservice Greeter {\n  rpc SayHello (A) returns (B)\n}';
    const res = compileFlow(doc);
    if (res.ok) throw new Error('expected problems');
    expect(res.problems[0]).toMatchObject({ path: 'nodes[7].config.proto', nodeId: 'greeter-service' });
    expect(res.problems[0].message).toMatch(/^\(inline \.proto\):4:1: illegal token '}'/);
  });

  it('refuses an edge a kind does not allow, with the reason', () => {
    const doc = sample();
    doc.edges.push({ id: 'bad', source: 'billing-consumer', target: 'orders-topic' });
    const res = compileFlow(doc);
    if (res.ok) throw new Error('expected problems');
    expect(res.problems).toContainEqual(
      expect.objectContaining({
        path: 'edges[5]',
        message: 'A consumer has no outputs: it can only be a target',
      }),
    );
  });

  it('refuses a producer with nowhere to send and a client calling an unknown method', () => {
    const doc = sample();
    doc.edges = doc.edges.filter((e) => e.source !== 'tasks-producer');
    (doc.edges.find((e) => e.id === 'e-greeter-call') as Record<string, unknown>).targetHandle = 'SayBye';
    const res = compileFlow(doc);
    if (res.ok) throw new Error('expected problems');
    const text = res.problems.map((p) => `${p.path}: ${p.message}`);
    expect(text).toContain('nodes[3]: is not connected to a topic or queue');
    expect(text.some((t) => /method "SayBye" is not in helloworld\.Greeter/.test(t))).toBe(true);
  });

  it('refuses a file from a newer format version', () => {
    const res = compileFlow({ ...sample(), version: 99 });
    if (res.ok) throw new Error('expected problems');
    expect(res.problems[0].message).toMatch(/newer Flowbench/);
  });

  it('runs every kind of the palette: no node is refused as not running yet', () => {
    const doc = sample();
    doc.nodes.push(
      { id: 'checkout', kind: 'sagaOrchestrator', config: {} } as never,
      { id: 'orders-log', kind: 'eventStore', config: {} } as never,
      { id: 'view', kind: 'projection', config: {} } as never,
    );
    const res = compileFlow(doc);
    const problems = res.ok ? [] : res.problems;
    // Unwired pattern nodes have problems of their own, but none says the kind does not run.
    expect(problems.filter((p) => p.message.includes('do not run yet'))).toEqual([]);
  });

  it('ignores groups and notes, and keeps members of a group running', () => {
    const doc = sample() as { nodes: Array<Record<string, unknown>>; edges: Array<Record<string, unknown>> };
    doc.nodes.unshift({ id: 'ctx', kind: 'group', config: { name: 'Orders' } });
    doc.nodes.push({ id: 'why', kind: 'note', config: { text: '**why**' } });
    doc.nodes[1].parentId = 'ctx';
    const res = compileFlow(doc);
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    expect(res.compiled.producers).toHaveLength(2);
  });

  it('refuses a connection between runnable kinds that the runtime does not wire yet', () => {
    const doc = sample();
    doc.edges.push({ id: 'svc-reads', source: 'orders-topic', target: 'greeter-service' });
    const res = compileFlow(doc);
    if (res.ok) throw new Error('expected problems');
    expect(res.problems).toEqual([
      {
        path: 'edges[5]',
        edgeId: 'svc-reads',
        message:
          'connections from a Kafka topic to a gRPC service do not run yet — this arrives with the pattern runtime (issue 5)',
      },
    ]);
  });

  it('runs a gRPC service that publishes what it answers to a topic', () => {
    const doc = sample();
    doc.edges.push({ id: 'svc-publish', source: 'greeter-service', target: 'orders-topic' });
    expect(compileFlow(doc).ok).toBe(true);
  });

  it('loads a service whose messages come from a file in its imports, and places errors there', () => {
    const doc = sample();
    const greeter = doc.nodes[7].config;
    greeter.proto = [
      'syntax = "proto3";',
      'package helloworld;',
      'import "common.proto";',
      'service Greeter { rpc SayHello (HelloRequest) returns (HelloReply); }',
    ].join('\n');
    greeter.imports = {
      'common.proto':
        'syntax = "proto3";\npackage helloworld;\nmessage HelloRequest { string name = 1; }\nmessage HelloReply { string message = 1; }\n',
    };
    const ok = compileFlow(doc);
    if (!ok.ok) throw new Error(JSON.stringify(ok.problems));
    expect(ok.compiled.grpcClients[0].target.method.requestType).toBe('helloworld.HelloRequest');

    greeter.imports = { 'common.proto': 'syntax = "proto3";\nmessage HelloRequest { string name = 1 }\n' };
    const bad = compileFlow(doc);
    if (bad.ok) throw new Error('expected problems');
    expect(bad.problems[0]).toMatchObject({
      path: 'nodes[7].config.imports.common.proto',
      nodeId: 'greeter-service',
      field: 'imports.common.proto',
    });
    expect(bad.problems[0].message).toMatch(/^common\.proto:2:\d+: /);
  });

  it('runs streaming methods, and names the service field missing a behaviour a client calls', () => {
    const doc = sample();
    const greeter = doc.nodes[7].config;
    greeter.proto = [
      'syntax = "proto3";',
      'package helloworld;',
      'service Greeter {',
      '  rpc SayHello (HelloRequest) returns (HelloReply);',
      '  rpc Chat (stream HelloRequest) returns (stream HelloReply);',
      '}',
      'message HelloRequest { string name = 1; }',
      'message HelloReply { string message = 1; }',
    ].join('\n');
    (doc.edges.find((e) => e.id === 'e-greeter-call') as Record<string, unknown>).targetHandle = 'Chat';
    const missing = compileFlow(doc);
    if (missing.ok) throw new Error('expected problems');
    expect(missing.problems[0]).toMatchObject({ nodeId: 'greeter-service', field: 'methods' });
    expect(missing.problems[0].message).toMatch(/no behaviour for Chat/);
    greeter.methods = [{ method: 'Chat', reply: 'echo', items: 2 }];
    const res = compileFlow(doc);
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    expect(res.compiled.grpcClients[0].target.method).toMatchObject({
      requestStream: true,
      responseStream: true,
    });
    expect(res.compiled.grpcServices[0].behaviours.get('Chat')).toMatchObject({ reply: 'echo', items: 2 });
  });
});
