import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { describe, expect, it } from 'vitest';
import type { RunLogEntry } from '@shared/run/counters';
import type { Engine } from '../../src-main/engine/engine-types';
import { createRunPki } from '../../src-main/engine/patterns/mesh/run-pki';
import { createGrpcClient } from '../../src-main/engine/transports/grpc/grpc-client';
import { loadProtoService } from '../../src-main/engine/transports/grpc/load-proto';
import { unusedPort } from './helpers/brokers';
import { untilStatus, useEngine, type PushedEvents } from './helpers/engine';
import { flowBuilder } from './helpers/flow-builder';

const startEngine = useEngine('mesh');

const GREETER = `syntax = "proto3";
package hello;
service Greeter { rpc SayHello (HelloRequest) returns (HelloReply); }
message HelloRequest { string name = 1; }
message HelloReply { string message = 1; }
`;

async function run(e: Engine, flow: unknown): Promise<string> {
  const started = await e.handlers['run.start']({ flow, environment: { kind: 'embedded' } });
  if (!started.ok) throw new Error(JSON.stringify(started.problems));
  return started.runId;
}

const service = async (extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> => ({
  port: await unusedPort(),
  routes: [{ method: 'GET', path: '/stock/:id', status: 200, response: '{"id": "{{params.id}}"}' }],
  ...extra,
});
const client = (
  count: number,
  rate: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> => ({
  method: 'GET',
  path: '/stock/{{seq}}',
  rate,
  count,
  ...extra,
});

/** TCP ports this process listens on (its sockets' inodes matched against /proc/net/tcp). */
function ownListeningPorts(): Set<number> {
  const inodes = new Set<string>();
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`));
      if (m) inodes.add(m[1]);
    } catch {
      // The descriptor closed while we looked.
    }
  }
  const ports = new Set<number>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === '0A' && inodes.has(cols[9])) ports.add(parseInt(cols[1].split(':')[1], 16));
    }
  }
  return ports;
}

function logLines(pushed: PushedEvents): string[] {
  return (pushed['run.log'] ?? []).flatMap((b) => b.entries.map((en: RunLogEntry) => en.message));
}

/** Resolves with the status code, or rejects with the socket/TLS error. */
function rawCall(url: string, options: Record<string, unknown> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = (url.startsWith('https') ? httpsRequest : httpRequest)(
      url,
      { ...options, timeout: 3000 },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.end();
  });
}

describe('service mesh policies on call edges (real HTTP services on loopback)', () => {
  it('the circuit breaker opens on a failing upstream, refuses calls, then recovers half-open → closed', async () => {
    const { engine: e, pushed } = await startEngine();
    const b = flowBuilder('mesh-breaker');
    b.node('shop', 'restClient', client(40, 20));
    b.node('inventory', 'restService', await service({ faults: [{ kind: 'failFirst', count: 6 }] }));
    b.node('guard', 'meshPolicy', {
      retries: { attempts: 0, backoffMs: 0, budgetPercent: 20 },
      circuitBreaker: { enabled: true, failureThreshold: 3, openMs: 300 },
    });
    b.edge('shop', 'inventory');
    b.edge('guard', 'inventory');
    const edgeId = b.flow.edges[0].id;
    await run(e, b.flow);
    const s = await untilStatus(e, 'client done', (x) => x.counters.shop?.status === 'done', 30_000);
    await untilStatus(e, 'log pushed', () => logLines(pushed).some((l) => /circuit closed/.test(l)), 5000);
    const lines = logLines(pushed).filter((l) => /^circuit /.test(l));
    const first = (state: string): number => lines.findIndex((l) => l.startsWith(`circuit ${state} `));
    expect(first('open')).toBeGreaterThanOrEqual(0);
    expect(first('half-open')).toBeGreaterThan(first('open'));
    expect(first('closed')).toBeGreaterThan(first('half-open'));
    expect(s.counters[edgeId]?.breaker).toBe('closed');
    // Calls refused while open never reached the service.
    expect(s.counters.inventory.received).toBeLessThan(40);
    expect(s.counters.inventory.acked).toBeGreaterThan(0);
    expect(s.counters.shop.errors).toBeGreaterThan(6);
    const seen = (pushed['run.counters'] ?? []).map((c) => c.nodes[edgeId]?.breaker).filter(Boolean);
    expect(seen).toContain('open');
  });

  it('over 1,000 calls a 90/10 canary split holds within 4 sigma', async () => {
    const { engine: e, pushed } = await startEngine();
    const b = flowBuilder('mesh-split');
    b.node('shop', 'restClient', client(1000, 250));
    b.node('orders-v1', 'restService', await service());
    b.node('orders-v2', 'restService', await service());
    b.node('canary', 'meshPolicy', {
      // The split is what is measured here; a loaded machine must not turn into timeouts.
      timeoutMs: 20_000,
      retries: { attempts: 0, backoffMs: 0, budgetPercent: 20 },
      trafficSplit: [
        { target: 'orders-v1', weight: 90 },
        { target: 'orders-v2', weight: 10 },
      ],
    });
    b.edge('shop', 'orders-v1');
    b.edge('canary', 'orders-v1');
    b.edge('canary', 'orders-v2');
    await run(e, b.flow);
    const s = await untilStatus(e, 'thousand calls', (x) => x.counters.shop?.status === 'done', 60_000);
    expect(s.counters.shop, JSON.stringify(logLines(pushed).slice(0, 5))).toMatchObject({
      sent: 1000,
      received: 1000,
      errors: 0,
    });
    const v1 = s.counters['orders-v1'].received;
    const v2 = s.counters['orders-v2'].received;
    expect(v1 + v2).toBe(1000);
    const sigma = Math.sqrt(1000 * 0.1 * 0.9);
    expect(Math.abs(v2 - 100)).toBeLessThan(4 * sigma);
  });

  it('mTLS with certificates made for the run: flow calls succeed, plaintext and foreign certificates are refused', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('mesh-mtls');
    const cfg = await service();
    b.node('app', 'restClient', client(5, 50));
    b.node('vault', 'restService', cfg);
    b.node('zero-trust', 'meshPolicy', { mtls: true });
    b.edge('app', 'vault');
    b.edge('zero-trust', 'vault');
    await run(e, b.flow);
    const s = await untilStatus(e, 'five calls', (x) => x.counters.app?.status === 'done');
    expect(s.counters.app).toMatchObject({ sent: 5, received: 5, errors: 0 });
    expect(s.counters.vault).toMatchObject({ received: 5, acked: 5 });
    const port = cfg.port as number;
    await expect(rawCall(`http://127.0.0.1:${port}/stock/1`)).rejects.toThrow();
    // TLS without a client certificate, and with one from another CA, are refused too.
    await expect(
      rawCall(`https://127.0.0.1:${port}/stock/1`, { rejectUnauthorized: false }),
    ).rejects.toThrow();
    const foreign = createRunPki('Intruder');
    const leaf = foreign.issue('intruder', 'client');
    await expect(
      rawCall(`https://127.0.0.1:${port}/stock/1`, {
        rejectUnauthorized: false,
        cert: leaf.cert,
        key: leaf.key,
      }),
    ).rejects.toThrow();
    const after = await e.handlers['run.status']({});
    expect(after.counters.vault.received).toBe(5);
  });

  it('retries stay within the retry budget, each try a span of the call trace', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('mesh-retries');
    b.node('shop', 'restClient', client(50, 100));
    b.node('broken', 'restService', await service({ faults: [{ kind: 'error', probability: 1 }] }));
    b.node('patient', 'meshPolicy', { retries: { attempts: 3, backoffMs: 1, budgetPercent: 20 } });
    b.edge('shop', 'broken', undefined);
    b.flow.edges[0] = { ...b.flow.edges[0], config: { policy: 'patient' } } as (typeof b.flow.edges)[0];
    const edgeId = b.flow.edges[0].id;
    const runId = await run(e, b.flow);
    const s = await untilStatus(e, 'calls done', (x) => x.counters.shop?.status === 'done');
    const retries = s.counters[edgeId]?.retries ?? 0;
    // Budget: a floor of 3 plus 20 % of 50 calls; without it 3 attempts × 50 calls = 150.
    expect(retries).toBeGreaterThan(0);
    expect(retries).toBeLessThanOrEqual(13);
    expect(s.counters.broken.received).toBe(50 + retries);
    expect(s.counters.shop.errors).toBe(50);
    await e.handlers['run.stop']({});
    const rows = (await e.handlers['messages.list']({ runId, limit: 100 })).rows.filter(
      (r) => r.nodeId === 'shop',
    );
    const traces = await Promise.all(rows.map((r) => e.handlers['trace.get']({ traceId: r.traceId })));
    const tries = traces.map((t) =>
      t.filter((ev) => ev.nodeId === 'shop' && /\(try \d+\)$/.test(ev.destination)),
    );
    expect(tries.some((t) => t.length >= 2)).toBe(true);
    const retried =
      traces.find((t) => t.filter((ev) => /\(try \d+\)$/.test(ev.destination)).length >= 2) ?? [];
    const served = retried.filter((ev) => ev.nodeId === 'broken');
    expect(served.length).toBeGreaterThanOrEqual(2);
    const trySpans = new Set(retried.filter((ev) => ev.nodeId === 'shop').map((ev) => ev.spanId));
    for (const ev of served) expect(trySpans.has(ev.parentSpanId ?? '')).toBe(true);
  });

  it("timeouts fire at the policy's limit, not the client's", async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('mesh-timeout');
    b.node('shop', 'restClient', client(3, 20, { timeoutMs: 10_000 }));
    b.node('slow', 'restService', {
      port: await unusedPort(),
      routes: [{ method: 'GET', path: '/stock/:id', status: 200, response: '{}', latencyMs: 4000 }],
    });
    b.node('strict', 'meshPolicy', {
      timeoutMs: 150,
      retries: { attempts: 0, backoffMs: 0, budgetPercent: 20 },
    });
    b.edge('shop', 'slow');
    b.edge('strict', 'slow');
    const t0 = Date.now();
    await run(e, b.flow);
    const s = await untilStatus(e, 'calls done', (x) => x.counters.shop?.status === 'done');
    expect(Date.now() - t0).toBeLessThan(3500);
    expect(s.counters.shop).toMatchObject({ sent: 3, errors: 3 });
    expect(s.counters.shop.p99Ms).toBeLessThan(2000);
  });

  it('gRPC clients go through the same sidecar: UNAVAILABLE is retried, each try a gRPC span', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('mesh-grpc');
    b.node('caller', 'grpcClient', { rate: 20, count: 2, request: '{"name": "n{{seq}}"}' });
    b.node('greeter', 'grpcService', {
      proto: GREETER,
      service: 'hello.Greeter',
      methods: [{ method: 'SayHello', reply: 'fail', failCode: 'UNAVAILABLE', failMessage: 'down' }],
    });
    b.node('retry', 'meshPolicy', { retries: { attempts: 2, backoffMs: 1, budgetPercent: 100 } });
    b.edge('caller', 'greeter', { targetHandle: 'SayHello' });
    b.edge('retry', 'greeter');
    const edgeId = b.flow.edges[0].id;
    const runId = await run(e, b.flow);
    const s = await untilStatus(e, 'calls done', (x) => x.counters.caller?.status === 'done');
    expect(s.counters.caller.errors).toBe(2);
    // Two calls, each tried three times (the budget's floor of 3 plus 100 % of 2 calls allows it).
    expect(s.counters[edgeId]).toMatchObject({ sent: 2, errors: 2, retries: 4 });
    await e.handlers['run.stop']({});
    const rows = (await e.handlers['messages.list']({ runId, limit: 100 })).rows.filter(
      (r) => r.nodeId === 'caller',
    );
    const trace = await e.handlers['trace.get']({ traceId: rows[0].traceId });
    const tries = trace.filter((ev) => ev.nodeId === 'caller' && /\(try \d+\)$/.test(ev.destination));
    expect(tries.map((t) => t.transport)).toEqual(['grpc', 'grpc', 'grpc']);
    expect(trace.filter((ev) => ev.nodeId === 'greeter')).toHaveLength(3);
  });

  it('GraphQL clients go through the same sidecar: a 50/50 split reaches both services', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('mesh-graphql');
    b.node('app', 'graphqlClient', {
      query: '{ user(id: 1) { name } }',
      variables: '{}',
      rate: 50,
      count: 40,
    });
    for (const name of ['users-a', 'users-b'])
      b.node(name, 'graphqlService', {
        port: await unusedPort(),
        schema: 'type Query { user(id: ID!): User }\ntype User { name: String }\n',
        resolvers: { user: `{"name": "${name}"}` },
      });
    b.node('half', 'meshPolicy', {
      trafficSplit: [
        { target: 'users-a', weight: 50 },
        { target: 'users-b', weight: 50 },
      ],
    });
    b.edge('app', 'users-a');
    b.edge('half', 'users-a');
    await run(e, b.flow);
    const s = await untilStatus(e, 'calls done', (x) => x.counters.app?.status === 'done');
    expect(s.counters.app).toMatchObject({ sent: 40, received: 40, errors: 0 });
    const a = s.counters['users-a'].received;
    const bb = s.counters['users-b'].received;
    expect(a + bb).toBe(40);
    // 40 fair coin flips: both sides get some (all on one side has odds of 2 in a trillion).
    expect(Math.min(a, bb)).toBeGreaterThan(0);
  });

  it('mTLS for gRPC services too: the flow client gets through, a plaintext channel is refused', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('mesh-grpc-mtls');
    b.node('caller', 'grpcClient', { rate: 20, count: 3, request: '{"name": "n{{seq}}"}' });
    b.node('greeter', 'grpcService', {
      proto: GREETER,
      service: 'hello.Greeter',
      responses: { SayHello: '{"message": "hi {{request.name}}"}' },
    });
    b.node('zero-trust', 'meshPolicy', { mtls: true });
    b.edge('caller', 'greeter', { targetHandle: 'SayHello' });
    b.edge('zero-trust', 'greeter');
    const before = ownListeningPorts();
    await run(e, b.flow);
    const s = await untilStatus(e, 'calls done', (x) => x.counters.caller?.status === 'done');
    expect(s.counters.caller).toMatchObject({ sent: 3, received: 3, errors: 0 });
    // The only port this run opened is the greeter's; a plaintext channel to it is refused.
    const opened = [...ownListeningPorts()].filter((p) => !before.has(p));
    expect(opened).toHaveLength(1);
    const client = createGrpcClient(loadProtoService(GREETER, 'hello.Greeter'), {
      address: `127.0.0.1:${opened[0]}`,
    });
    try {
      const plain = await client.call('SayHello', { deadlineMs: 3000, request: () => ({ name: 'plain' }) });
      expect(plain.ok).toBe(false);
      expect(plain.codeName).toBe('UNAVAILABLE');
    } finally {
      client.close();
    }
    const after = await e.handlers['run.status']({});
    expect(after.counters.greeter.received).toBe(3);
  });
});
