import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Environment } from '@shared/run/environment';
import type { TraceEvent } from '@shared/trace/events';
import type { Engine } from '../../src-main/engine/engine-types';
import { startGrpcServer } from '../../src-main/engine/transports/grpc/grpc-server';
import { loadFlowProtoService } from '../../src-main/engine/transports/grpc/proto-files';
import { AMQP_URL, KAFKA_BROKERS, uniqueName } from './helpers/brokers';
import { untilStatus, useEngine } from './helpers/engine';
import { flowBuilder } from './helpers/flow-builder';
import { LAB_MESSAGES, LAB_PROTO, makeFlowFolder } from './helpers/grpc-lab';

const ENVIRONMENTS: Array<[string, Environment]> = [
  ['Embedded', { kind: 'embedded' }],
  ['Local brokers', { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL }],
];
const EMBEDDED: Environment = { kind: 'embedded' };
// The lab service (one method of each kind) with its messages in a second file, kept in the flow.
const LAB = {
  proto: LAB_PROTO,
  imports: { 'common/messages.proto': LAB_MESSAGES },
  service: 'lab.v1.Lab',
  responses: {},
};

// The same service in one file, for a client whose flow is not saved anywhere.
const SELF_CONTAINED_LAB = [
  LAB_PROTO.replace('import "common/messages.proto";', 'import "google/protobuf/timestamp.proto";'),
  ...LAB_MESSAGES.split('\n').filter((l) => !/^(syntax|package|import)\b/.test(l)),
].join('\n');

const startEngine = useEngine('run-grpc');

async function start(e: Engine, flow: unknown, environment = EMBEDDED, filePath?: string): Promise<string> {
  const started = await e.handlers['run.start']({ flow, environment, ...(filePath ? { filePath } : {}) });
  if (!started.ok) throw new Error(JSON.stringify(started.problems));
  return started.runId;
}

/** Every trace the node's stored messages belong to, with its events. */
async function tracesOf(e: Engine, runId: string, nodeId: string): Promise<TraceEvent[][]> {
  const rows = (await e.handlers['messages.list']({ runId, limit: 1000 })).rows;
  const ids = [...new Set(rows.filter((r) => r.nodeId === nodeId).map((r) => r.traceId))];
  return Promise.all(ids.map((traceId) => e.handlers['trace.get']({ traceId })));
}

const find = (trace: TraceEvent[], nodeId: string, kind?: string): TraceEvent | undefined =>
  trace.find((ev) => ev.nodeId === nodeId && (kind === undefined || ev.kind === kind));

describe('gRPC nodes in a run', () => {
  it('calls all four method kinds, counting messages, each call one trace of call and respond', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('four-kinds');
    b.node('lab', 'grpcService', {
      ...LAB,
      methods: [
        { method: 'Unary', reply: 'echo' },
        {
          method: 'ServerStream',
          reply: 'template',
          response: '{"name": "{{request.name}}", "n": {{seq}}}',
          items: 3,
          intervalMs: 5,
        },
        {
          method: 'ClientStream',
          reply: 'template',
          response: '{"name": "{{request.name}}", "n": {{requests.length}}}',
        },
        { method: 'Bidi', reply: 'echo', items: 2 },
      ],
    });
    const kinds = ['Unary', 'ServerStream', 'ClientStream', 'Bidi'];
    for (const method of kinds) {
      b.node(method, 'grpcClient', {
        request: '{"name": "c{{seq}}", "n": {{item}}}',
        rate: 40,
        count: 4,
        streamItems: 3,
        streamIntervalMs: 5,
      });
      b.edge(method, 'lab', { targetHandle: method });
    }
    const runId = await start(e, b.flow);
    const s = await untilStatus(e, 'every client done', (x) =>
      kinds.every((k) => x.counters[k]?.status === 'done'),
    );
    await e.handlers['run.stop']({});
    const counts = Object.fromEntries(
      kinds.map((k) => [k, [s.counters[k].sent, s.counters[k].received, s.counters[k].errors]]),
    );
    // Requests out and replies in per client: 4 calls each; streams carry 3 requests, 3 or 2 replies per request.
    expect(counts).toEqual({
      Unary: [4, 4, 0],
      ServerStream: [4, 12, 0],
      ClientStream: [12, 4, 0],
      Bidi: [12, 24, 0],
    });
    expect(s.counters.lab).toMatchObject({ received: 32, sent: 44, errors: 0 });
    for (const method of kinds) {
      const traces = await tracesOf(e, runId, method);
      expect(traces).toHaveLength(4);
      for (const trace of traces) {
        const call = find(trace, method, 'call');
        const respond = find(trace, 'lab', 'respond');
        expect(call?.destination).toBe(`/lab.v1.Lab/${method}`);
        expect(respond?.parentSpanId).toBe(call?.spanId);
        expect(trace.filter((ev) => ev.kind === 'call' || ev.kind === 'respond')).toHaveLength(2);
      }
    }
    const stream = (await tracesOf(e, runId, 'ClientStream'))[0];
    const reply = await e.handlers['messages.get']({ id: find(stream, 'lab', 'respond')?.messageId ?? 0 });
    expect(JSON.parse(reply?.payloadText ?? '{}')).toMatchObject({ n: 3 });
  });

  it("records a failing behaviour's status on both sides, in the trace, counters and run log", async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('failing');
    b.node('lab', 'grpcService', {
      ...LAB,
      methods: [
        { method: 'Unary', reply: 'fail', failCode: 'RESOURCE_EXHAUSTED', failMessage: 'quota used up' },
        { method: 'ServerStream', reply: 'fail', items: 5, failAfter: 2, failCode: 'UNAVAILABLE' },
      ],
    });
    b.node('caller', 'grpcClient', { rate: 50, count: 3 });
    b.node('streamer', 'grpcClient', { rate: 50, count: 2 });
    b.edge('caller', 'lab', { targetHandle: 'Unary' });
    b.edge('streamer', 'lab', { targetHandle: 'ServerStream' });
    const runId = await start(e, b.flow);
    const s = await untilStatus(
      e,
      'both clients done',
      (x) => x.counters.caller?.status === 'done' && x.counters.streamer?.status === 'done',
    );
    await e.handlers['run.stop']({});
    expect(s.counters.caller).toMatchObject({ sent: 3, received: 0, errors: 3 });
    // A stream failing after two replies: the replies arrive, then the status.
    expect(s.counters.streamer).toMatchObject({ sent: 2, received: 4, errors: 2 });
    expect(s.counters.lab).toMatchObject({ received: 5, sent: 4, errors: 5 });
    const [streamed] = await tracesOf(e, runId, 'streamer');
    expect(find(streamed, 'streamer')?.error).toMatch(/^UNAVAILABLE: UNAVAILABLE \(injected/);
    const traces = await tracesOf(e, runId, 'caller');
    expect(traces).toHaveLength(3);
    const call = find(traces[0], 'caller');
    const served = find(traces[0], 'lab');
    expect(call).toMatchObject({ kind: 'error', error: 'RESOURCE_EXHAUSTED: quota used up' });
    expect(served).toMatchObject({
      kind: 'error',
      error: 'RESOURCE_EXHAUSTED: quota used up',
      parentSpanId: call?.spanId,
    });
    const log = await e.handlers['run.log']({});
    expect(log.find((l) => l.nodeId === 'caller')?.message).toMatch(/RESOURCE_EXHAUSTED: quota used up/);
  });

  it('ends a call past its deadline with DEADLINE_EXCEEDED, recorded by client and service', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('deadline');
    b.node('lab', 'grpcService', { ...LAB, methods: [{ method: 'Unary', reply: 'echo', delayMs: 600 }] });
    b.node('impatient', 'grpcClient', { rate: 20, count: 2, deadlineMs: 150 });
    b.edge('impatient', 'lab', { targetHandle: 'Unary' });
    const runId = await start(e, b.flow);
    await untilStatus(
      e,
      'both sides saw two deadlines',
      (x) => x.counters.impatient?.errors === 2 && x.counters.lab?.errors === 2,
    );
    await e.handlers['run.stop']({});
    for (const trace of await tracesOf(e, runId, 'impatient')) {
      const call = find(trace, 'impatient');
      expect(call?.kind).toBe('error');
      expect(call?.error).toMatch(/^DEADLINE_EXCEEDED/);
      expect(call?.durationMs).toBeLessThan(600);
      expect(find(trace, 'lab')?.error).toMatch(/^DEADLINE_EXCEEDED/);
    }
  });

  it('reads a protoFile and its imports beside a flow saved in the workspace, and only there', async () => {
    const { engine: e, dataDir } = await startEngine();
    const flows = join(dataDir, 'flows');
    for (const [rel, text] of Object.entries({
      'protos/lab.proto': LAB_PROTO,
      'common/messages.proto': LAB_MESSAGES,
    })) {
      mkdirSync(dirname(join(flows, rel)), { recursive: true });
      writeFileSync(join(flows, rel), text);
    }
    const b = flowBuilder('from-files');
    b.node('lab', 'grpcService', {
      protoFile: 'protos/lab.proto',
      service: 'lab.v1.Lab',
      responses: {},
      methods: [
        {
          method: 'Unary',
          reply: 'template',
          response: '{"name": "file {{request.name}} for {{metadata.tenant}}"}',
        },
      ],
    });
    b.node('caller', 'grpcClient', {
      request: '{"name": "x{{seq}}"}',
      rate: 50,
      count: 2,
      metadata: { tenant: 'acme-{{seq}}' },
    });
    b.edge('caller', 'lab', { targetHandle: 'Unary' });

    const outside = makeFlowFolder({ 'protos/lab.proto': LAB_PROTO, 'common/messages.proto': LAB_MESSAGES });
    try {
      const refused = await e.handlers['run.start']({
        flow: b.flow,
        environment: EMBEDDED,
        filePath: join(outside.dir, 'from-files.flow.json'),
      });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.problems[0]).toMatchObject({ nodeId: 'lab', field: 'protoFile' });
    } finally {
      outside.remove();
    }

    const runId = await start(e, b.flow, EMBEDDED, join(flows, 'from-files.flow.json'));
    await untilStatus(e, 'two answers', (x) => x.counters.caller?.received === 2);
    await e.handlers['run.stop']({});
    const [trace] = await tracesOf(e, runId, 'caller');
    const reply = await e.handlers['messages.get']({ id: find(trace, 'lab', 'respond')?.messageId ?? 0 });
    // Configured metadata (a template) reaches the service beside the traceparent.
    expect(JSON.parse(reply?.payloadText ?? '{}').name).toMatch(/^file x(\d) for acme-\1$/);
    const request = await e.handlers['messages.get']({ id: find(trace, 'caller', 'call')?.messageId ?? 0 });
    expect(request?.headers).toMatchObject({ tenant: expect.stringMatching(/^acme-\d$/) });
    expect(request?.headers.traceparent).toContain(find(trace, 'caller', 'call')?.spanId);
  });

  it('refuses a .proto syntax error at compile, naming node, field, file and line', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('broken');
    const broken = LAB_MESSAGES.replace('int32 n = 2;', 'int32 n = 2'); // line 9 of the imported file
    b.node('lab', 'grpcService', { ...LAB, imports: { 'common/messages.proto': broken } });
    b.node('other', 'grpcService', {
      proto: 'syntax = "proto3";\nservice S {\n  rpc A (X) returns (X)\n}\n',
      service: 'S',
    });
    const res = await e.handlers['run.start']({ flow: b.flow, environment: EMBEDDED });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.problems).toEqual([
      expect.objectContaining({
        nodeId: 'lab',
        field: 'imports.common/messages.proto',
        message: expect.stringMatching(/^common\/messages\.proto:10:\d+: illegal token/),
      }),
      expect.objectContaining({
        nodeId: 'other',
        field: 'proto',
        message: expect.stringMatching(/^\(inline \.proto\):4:1: illegal token '}'/),
      }),
    ]);
    expect((await e.handlers['run.status']({})).state).toBe('idle');
  });

  it('calls a service outside the flow by address, storing its replies', async () => {
    const { engine: e } = await startEngine();
    const folder = makeFlowFolder({ 'lab.proto': LAB_PROTO, 'common/messages.proto': LAB_MESSAGES });
    const service = loadFlowProtoService({ flowDir: folder.dir, protoFile: 'lab.proto' }, 'lab.v1.Lab');
    const echo = { reply: 'echo', delayMs: 0, items: 2, intervalMs: 0, metadata: {}, trailers: {} } as const;
    const server = await startGrpcServer({ service, behaviours: new Map([['ServerStream', echo]]) });
    try {
      const b = flowBuilder('external');
      b.node('caller', 'grpcClient', {
        address: server.address,
        proto: LAB_PROTO,
        service: 'lab.v1.Lab',
        method: 'ServerStream',
        rate: 50,
        count: 3,
        request: '{"name": "out{{seq}}"}',
      });
      // The inline .proto's import is found nowhere for an unsaved flow: a clear problem.
      const res = await e.handlers['run.start']({ flow: b.flow, environment: EMBEDDED });
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.problems[0]).toMatchObject({ nodeId: 'caller', field: 'proto' });
      b.flow.nodes[0].config.proto = SELF_CONTAINED_LAB;
      const runId = await start(e, b.flow);
      const s = await untilStatus(e, 'three calls answered', (x) => x.counters.caller?.status === 'done');
      await e.handlers['run.stop']({});
      expect(s.counters.caller).toMatchObject({ sent: 3, received: 6, errors: 0 });
      const rows = (await e.handlers['messages.list']({ runId, limit: 100 })).rows;
      const replies = await Promise.all(rows.map((r) => e.handlers['messages.get']({ id: r.id })));
      const answered = replies.filter((r) => r?.headers['grpc-reply-index'] !== undefined);
      expect(answered).toHaveLength(6);
      expect(JSON.parse(answered[0]?.payloadText ?? '{}').name).toMatch(/^out\d$/);
    } finally {
      await server.close(200);
      folder.remove();
    }
  });

  it('pauses a client, and Stop cancels calls in flight at once', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('pause-stop');
    b.node('lab', 'grpcService', {
      ...LAB,
      methods: [
        { method: 'Unary', reply: 'echo' },
        { method: 'Bidi', reply: 'echo' },
      ],
    });
    b.node('steady', 'grpcClient', { rate: 50, count: 1_000_000 });
    b.node('chatty', 'grpcClient', {
      rate: 1,
      count: 1,
      streamItems: 100_000,
      streamIntervalMs: 20,
      deadlineMs: 600_000,
    });
    b.edge('steady', 'lab', { targetHandle: 'Unary' });
    b.edge('chatty', 'lab', { targetHandle: 'Bidi' });
    const runId = await start(e, b.flow);
    await untilStatus(
      e,
      'calls flowing',
      (x) => x.counters.steady?.received > 5 && x.counters.chatty?.received > 5,
    );
    await e.handlers['run.pause']({ nodeIds: ['steady'] });
    const paused = await untilStatus(e, 'steady paused', (x) => x.counters.steady?.paused === true);
    await new Promise((r) => setTimeout(r, 400));
    const still = await e.handlers['run.status']({});
    expect(still.counters.steady.sent).toBe(paused.counters.steady.sent);
    expect(still.counters.chatty.sent).toBeGreaterThan(paused.counters.chatty.sent);
    await e.handlers['run.resume']({ nodeIds: ['steady'] });
    await untilStatus(e, 'steady again', (x) => x.counters.steady.sent > still.counters.steady.sent + 3);
    const stopAt = Date.now();
    await e.handlers['run.stop']({});
    expect(Date.now() - stopAt).toBeLessThan(3000);
    const [stream] = await tracesOf(e, runId, 'chatty');
    expect(find(stream, 'chatty')).toMatchObject({
      kind: 'error',
      error: expect.stringMatching(/^CANCELLED/),
    });
    // grpc-js half-closes before it resets a cancelled stream, so the service may have finished
    // its side first; either way its span closes, in the same trace.
    expect(find(stream, 'lab')?.parentSpanId).toBe(find(stream, 'chatty')?.spanId);
    expect((await e.handlers['run.status']({})).counters.chatty.errors).toBe(0);
  });
});

describe.each(ENVIRONMENTS)('a gRPC service publishing on %s', (_label, environment) => {
  it('publishes each streamed reply to a Kafka topic; call, replies and their consumer are one trace', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('stream-to-topic');
    b.node('caller', 'grpcClient', { request: '{"name": "s{{seq}}"}', rate: 20, count: 2 });
    b.node('lab', 'grpcService', {
      ...LAB,
      methods: [
        {
          method: 'ServerStream',
          reply: 'template',
          response: '{"name": "{{request.name}}", "n": {{seq}}}',
          items: 3,
          intervalMs: 10,
        },
      ],
    });
    b.node('updates', 'kafkaTopic', { topic: uniqueName('grpc-updates'), partitions: 1 });
    b.node('reader', 'consumer', { group: uniqueName('grpc-reader') });
    b.edge('caller', 'lab', { targetHandle: 'ServerStream' });
    b.edge('lab', 'updates');
    b.edge('updates', 'reader');
    const runId = await start(e, b.flow, environment);
    await untilStatus(e, 'six replies consumed', (x) => x.counters.reader?.acked === 6);
    await e.handlers['run.stop']({});
    const traces = await tracesOf(e, runId, 'caller');
    expect(traces).toHaveLength(2);
    for (const trace of traces) {
      expect(new Set(trace.map((ev) => ev.traceId)).size).toBe(1);
      const call = find(trace, 'caller', 'call');
      const respond = find(trace, 'lab', 'respond');
      const produces = trace.filter((ev) => ev.nodeId === 'lab' && ev.kind === 'produce');
      const delivers = trace.filter((ev) => ev.nodeId === 'reader' && ev.kind === 'deliver');
      expect(respond?.parentSpanId).toBe(call?.spanId);
      expect(produces).toHaveLength(3);
      expect(produces.every((p) => p.parentSpanId === respond?.spanId)).toBe(true);
      expect(delivers.map((d) => d.parentSpanId).sort()).toEqual(produces.map((p) => p.spanId).sort());
    }
  });
});
