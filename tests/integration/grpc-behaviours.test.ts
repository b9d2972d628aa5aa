import * as grpc from '@grpc/grpc-js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src-main/engine/template/payload-template';
import { createGrpcClient, type GrpcServiceClient } from '../../src-main/engine/transports/grpc/grpc-client';
import { startGrpcServer, type GrpcServerHandle } from '../../src-main/engine/transports/grpc/grpc-server';
import type { LoadedService } from '../../src-main/engine/transports/grpc/load-proto';
import type { MethodBehaviour } from '../../src-main/engine/transports/grpc/method-behaviour';
import { loadFlowProtoService } from '../../src-main/engine/transports/grpc/proto-files';
import type {
  ServerCallEnd,
  ServerCallMessage,
  ServerCallStart,
} from '../../src-main/engine/transports/grpc/server-hooks';
import { templateReply } from '../../src-main/engine/transports/grpc/template-reply';
import { formatTraceparent, newSpanId, newTraceId } from '../../src-main/engine/trace/traceparent';
import { labFolder, type FlowFolder } from './helpers/grpc-lab';

const METHODS = ['Unary', 'ServerStream', 'ClientStream', 'Bidi'] as const;
type Method = (typeof METHODS)[number];

let folder: FlowFolder;
let service: LoadedService;
const open: Array<{ server: GrpcServerHandle; client: GrpcServiceClient }> = [];

beforeAll(() => {
  folder = labFolder();
  service = loadFlowProtoService({ flowDir: folder.dir, protoFile: 'lab.proto' }, 'lab.v1.Lab');
});
afterAll(() => folder.remove());
afterEach(async () => {
  for (const { server, client } of open.splice(0)) {
    client.close();
    await server.close(200);
  }
});

function behaviour(partial: Partial<MethodBehaviour>): MethodBehaviour {
  return { reply: 'echo', delayMs: 0, items: 1, intervalMs: 0, metadata: {}, trailers: {}, ...partial };
}

/** A server whose every method behaves as given, recording what the hooks report, and a client to it. */
async function lab(b: MethodBehaviour): Promise<{
  client: GrpcServiceClient;
  starts: ServerCallStart[];
  messages: ServerCallMessage[];
  ends: ServerCallEnd[];
}> {
  const starts: ServerCallStart[] = [];
  const messages: ServerCallMessage[] = [];
  const ends: ServerCallEnd[] = [];
  const server = await startGrpcServer({
    service,
    behaviours: new Map(METHODS.map((m) => [m, b])),
    hooks: {
      onCallStart: (s) => starts.push(s),
      onMessage: (m) => messages.push(m),
      onCallEnd: (e) => ends.push(e),
    },
  });
  const client = createGrpcClient(service, { address: `127.0.0.1:${server.port}` });
  open.push({ server, client });
  return { client, starts, messages, ends };
}

const ping = (i: number): { name: string; n: number } => ({ name: `p${i}`, n: i });
const names = (responses: unknown[]): string[] => responses.map((r) => (r as { name: string }).name);
/** The requests each kind sends: one, or three on client-streaming and bidirectional calls. */
const sends = (m: Method): number => (m === 'ClientStream' || m === 'Bidi' ? 3 : 1);

async function waitForEnd(ends: ServerCallEnd[], count = 1): Promise<void> {
  const deadline = Date.now() + 5000;
  while (ends.length < count) {
    if (Date.now() > deadline) throw new Error(`server recorded ${ends.length} call ends, wanted ${count}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('gRPC service behaviours on all four method kinds (real grpc-js on loopback)', () => {
  it.each(METHODS)('%s: echo sends the requests back and both sides record OK', async (m) => {
    const { client, starts, messages, ends } = await lab(behaviour({ reply: 'echo' }));
    const result = await client.call(m, { deadlineMs: 5000, request: ping, count: 3 });
    expect(result).toMatchObject({ ok: true, codeName: 'OK', sent: sends(m) });
    const expected = { Unary: ['p0'], ServerStream: ['p0'], ClientStream: ['p2'], Bidi: ['p0', 'p1', 'p2'] }[
      m
    ];
    expect(names(result.responses)).toEqual(expected);
    await waitForEnd(ends);
    expect(starts[0].method.name).toBe(m);
    expect(messages.filter((x) => x.direction === 'in')).toHaveLength(sends(m));
    expect(messages.filter((x) => x.direction === 'out')).toHaveLength(expected.length);
    expect(ends[0]).toMatchObject({ codeName: 'OK', received: sends(m), sent: expected.length });
  });

  it.each(METHODS)('%s: a response template renders from request, metadata and index', async (m) => {
    const render = templateReply(
      compileTemplate('{"name": "hi {{request.name}}", "n": {{seq}}, "note": "{{metadata.tenant}}"}'),
    );
    const { client } = await lab(behaviour({ reply: 'template', render, items: 2 }));
    const result = await client.call(m, {
      deadlineMs: 5000,
      request: ping,
      count: 2,
      metadata: { tenant: 'acme' },
    });
    expect(result.ok).toBe(true);
    const expected = {
      Unary: [{ name: 'hi p0', n: 0 }],
      ServerStream: [
        { name: 'hi p0', n: 0 },
        { name: 'hi p0', n: 1 },
      ],
      ClientStream: [{ name: 'hi p1', n: 0 }],
      Bidi: [
        { name: 'hi p0', n: 0 },
        { name: 'hi p0', n: 1 },
        { name: 'hi p1', n: 2 },
        { name: 'hi p1', n: 3 },
      ],
    }[m];
    expect(result.responses).toEqual(expected.map((e) => expect.objectContaining({ ...e, note: 'acme' })));
  });

  it.each(['ServerStream', 'Bidi'] as const)('%s: streams N items at the interval', async (m) => {
    const { client, messages } = await lab(behaviour({ items: 5, intervalMs: 60 }));
    const result = await client.call(m, { deadlineMs: 5000, request: ping, count: 1 });
    expect(result.ok).toBe(true);
    expect(result.responses).toHaveLength(5);
    const out = messages.filter((x) => x.direction === 'out').map((x) => x.at);
    // 4 gaps of 60 ms; timers may fire a little early, never much.
    expect(out[4] - out[0]).toBeGreaterThanOrEqual(4 * 60 - 10);
    expect(result.durationMs).toBeGreaterThanOrEqual(4 * 60 - 10);
  });

  it.each(METHODS)('%s: a delay holds the reply back', async (m) => {
    const { client } = await lab(behaviour({ delayMs: 250 }));
    const result = await client.call(m, { deadlineMs: 5000, request: ping, count: 1 });
    expect(result.ok).toBe(true);
    expect(result.durationMs).toBeGreaterThanOrEqual(240);
  });

  it.each(METHODS)('%s: fail reaches the client with the chosen code and message', async (m) => {
    const { client, ends } = await lab(
      behaviour({
        reply: 'fail',
        fail: { code: grpc.status.RESOURCE_EXHAUSTED, message: 'quota of tenant acme used up', after: 0 },
      }),
    );
    const result = await client.call(m, { deadlineMs: 5000, request: ping, count: 2 });
    expect(result).toMatchObject({
      ok: false,
      code: grpc.status.RESOURCE_EXHAUSTED,
      codeName: 'RESOURCE_EXHAUSTED',
      details: 'quota of tenant acme used up',
    });
    expect(result.responses).toEqual([]);
    await waitForEnd(ends);
    expect(ends[0]).toMatchObject({
      codeName: 'RESOURCE_EXHAUSTED',
      details: 'quota of tenant acme used up',
    });
  });

  it.each(['ServerStream', 'Bidi'] as const)(
    '%s: "fail after" sends that many items, then the status',
    async (m) => {
      const { client } = await lab(
        behaviour({
          items: 5,
          fail: { code: grpc.status.ABORTED, message: 'stream broke', after: 3 },
          reply: 'echo',
        }),
      );
      const result = await client.call(m, { deadlineMs: 5000, request: ping, count: 1 });
      expect(result).toMatchObject({ codeName: 'ABORTED', details: 'stream broke' });
      expect(result.responses).toHaveLength(3);
    },
  );

  it.each(METHODS)(
    '%s: a deadline shorter than the delay ends DEADLINE_EXCEEDED on both sides',
    async (m) => {
      const { client, ends } = await lab(behaviour({ delayMs: 1500 }));
      const result = await client.call(m, { deadlineMs: 150, request: ping, count: 1 });
      expect(result).toMatchObject({ ok: false, codeName: 'DEADLINE_EXCEEDED' });
      expect(result.durationMs).toBeLessThan(1400);
      await waitForEnd(ends);
      expect(ends[0].codeName).toBe('DEADLINE_EXCEEDED');
    },
  );

  it.each(METHODS)(
    '%s: metadata round trip: traceparent in, initial and trailing metadata out',
    async (m) => {
      const traceparent = formatTraceparent({ traceId: newTraceId(), spanId: newSpanId() });
      const { client, starts } = await lab(
        behaviour({
          metadata: { 'x-served-by': 'lab-1' },
          trailers: { 'x-items': '1', 'x-sig-bin': 'AAEC' },
        }),
      );
      const result = await client.call(m, {
        deadlineMs: 5000,
        request: ping,
        count: 1,
        metadata: { traceparent, 'x-tenant': 'acme' },
      });
      expect(result.ok).toBe(true);
      expect(starts[0].metadata).toMatchObject({ traceparent, 'x-tenant': 'acme' });
      expect(result.headers).toMatchObject({ 'x-served-by': 'lab-1' });
      expect(result.trailers).toMatchObject({ 'x-items': '1', 'x-sig-bin': 'AAEC' });
    },
  );

  it('a failing call still carries its trailing metadata', async () => {
    const { client } = await lab(
      behaviour({
        reply: 'fail',
        fail: { code: grpc.status.NOT_FOUND, message: 'no order 7', after: 0 },
        trailers: { 'x-reason': 'missing' },
      }),
    );
    const result = await client.call('Unary', { deadlineMs: 5000, request: ping });
    expect(result).toMatchObject({
      codeName: 'NOT_FOUND',
      trailers: expect.objectContaining({ 'x-reason': 'missing' }),
    });
  });

  it('a template that throws fails the call INTERNAL with the reason, and the server keeps serving', async () => {
    let calls = 0;
    const { client } = await lab(
      behaviour({
        reply: 'template',
        render: (request) => {
          calls += 1;
          if (calls === 1) throw new Error('no such field total');
          return request;
        },
      }),
    );
    const bad = await client.call('Unary', { deadlineMs: 5000, request: ping });
    expect(bad).toMatchObject({
      codeName: 'INTERNAL',
      details: 'response template failed: no such field total',
    });
    const good = await client.call('Unary', { deadlineMs: 5000, request: ping });
    expect(good.ok).toBe(true);
  });

  it('a reply that does not fit the response type fails INTERNAL naming the type', async () => {
    const { client } = await lab(behaviour({ reply: 'template', render: () => ({ at: 'yesterday' }) }));
    const result = await client.call('Unary', { deadlineMs: 5000, request: ping });
    expect(result.codeName).toBe('INTERNAL');
    expect(result.details).toContain('lab.v1.Pong');
  });

  it('a method without behaviour answers UNIMPLEMENTED and is recorded', async () => {
    const ends: ServerCallEnd[] = [];
    const server = await startGrpcServer({
      service,
      behaviours: new Map(),
      hooks: { onCallEnd: (e) => ends.push(e) },
    });
    const client = createGrpcClient(service, { address: server.address });
    open.push({ server, client });
    const result = await client.call('Bidi', { deadlineMs: 5000, request: ping, count: 1 });
    expect(result.codeName).toBe('UNIMPLEMENTED');
    expect(result.details).toContain('lab.v1.Lab/Bidi');
    await waitForEnd(ends);
    expect(ends[0].codeName).toBe('UNIMPLEMENTED');
  });

  it('a client stream sends N items at its interval', async () => {
    const { client, messages } = await lab(behaviour({}));
    const sentAt: number[] = [];
    const result = await client.call('ClientStream', {
      deadlineMs: 5000,
      request: ping,
      count: 4,
      intervalMs: 50,
      onMessage: (m) => m.direction === 'out' && sentAt.push(m.at),
    });
    expect(result).toMatchObject({ ok: true, sent: 4 });
    expect(messages.filter((x) => x.direction === 'in')).toHaveLength(4);
    expect(sentAt).toHaveLength(4);
    expect(sentAt[3] - sentAt[0]).toBeGreaterThanOrEqual(3 * 50 - 10);
  });

  it('echoes a 1 MB request on a bidirectional stream intact', async () => {
    const { client } = await lab(behaviour({}));
    const big = 'x'.repeat(1024 * 1024 - 7) + 'the end';
    const result = await client.call('Bidi', {
      deadlineMs: 10_000,
      request: (i) => ({ name: big, n: i }),
      count: 2,
    });
    expect(result.ok).toBe(true);
    expect(names(result.responses).map((n) => [n.length, n.slice(-7)])).toEqual([
      [1024 * 1024, 'the end'],
      [1024 * 1024, 'the end'],
    ]);
  });

  it('refuses a call without a deadline, and a method the service does not have', async () => {
    const { client } = await lab(behaviour({}));
    await expect(client.call('Unary', { deadlineMs: 0, request: ping })).rejects.toThrow(
      'every gRPC call needs a deadline; got 0 ms',
    );
    await expect(client.call('Nope', { deadlineMs: 1000, request: ping })).rejects.toThrow(
      'lab.v1.Lab has no method Nope (it has Unary, ServerStream, ClientStream, Bidi)',
    );
  });

  it('calling a port where nothing listens ends UNAVAILABLE within the deadline', async () => {
    const client = createGrpcClient(service, { address: '127.0.0.1:1' });
    try {
      const result = await client.call('Unary', { deadlineMs: 2000, request: ping });
      expect(['UNAVAILABLE', 'DEADLINE_EXCEEDED']).toContain(result.codeName);
      expect(result.durationMs).toBeLessThan(2500);
    } finally {
      client.close();
    }
  });

  it('aborting a streaming call cancels it on both sides', async () => {
    const { client, ends } = await lab(behaviour({ items: 100, intervalMs: 50 }));
    const controller = new AbortController();
    const pending = client.call('ServerStream', {
      deadlineMs: 10_000,
      request: ping,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 200);
    const result = await pending;
    expect(result.codeName).toBe('CANCELLED');
    expect(result.responses.length).toBeGreaterThan(0);
    expect(result.responses.length).toBeLessThan(100);
    await waitForEnd(ends);
    expect(ends[0].codeName).toBe('CANCELLED');
  });
});
