import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '@shared/trace/events';
import type { Engine } from '../../src-main/engine/engine-types';
import { signHs256 } from '../../src-main/engine/patterns/gateway/jwt-hs256';
import { formatTraceparent, newSpanId, newTraceId } from '../../src-main/engine/trace/traceparent';
import { unusedPort } from './helpers/brokers';
import { untilStatus, useEngine } from './helpers/engine';
import { flowBuilder } from './helpers/flow-builder';

const SECRET_VAR = 'FLOWBENCH_TEST_GATEWAY_JWT';
const SECRET = 'gateway-test-secret-0123456789';
const MOBILE_KEY = 'mobile-key-123456';

const GREETER = `syntax = "proto3";
package hello;
service Greeter { rpc SayHello (HelloRequest) returns (HelloReply); }
message HelloRequest { string name = 1; }
message HelloReply { string message = 1; }
`;
const SDL = `type Query { user(id: ID!): User }
type User { id: ID! name: String }
`;

const startEngine = useEngine('gateway');

/** A gateway in front of a REST, a GraphQL and a gRPC service, one route per responsibility. */
async function gatewayFlow(): Promise<{ flow: unknown; base: string }> {
  const port = await unusedPort();
  const b = flowBuilder('gateway');
  b.node('edge', 'apiGateway', {
    port,
    apiKeys: [{ client: 'mobile', key: MOBILE_KEY }],
    jwtSecretEnv: SECRET_VAR,
    routes: [
      { pathPrefix: '/orders', target: 'orders', auth: 'apiKey' },
      { pathPrefix: '/users', target: 'users', auth: 'jwt', method: 'POST' },
      { pathPrefix: '/greet', target: 'greeter', grpcMethod: 'SayHello', method: 'POST' },
      { pathPrefix: '/limited', target: 'orders', rateLimit: 1, burst: 2 },
      { pathPrefix: '/cached', target: 'orders', cacheTtlMs: 1500 },
      {
        pathPrefix: '/v2',
        target: 'orders',
        auth: 'apiKey',
        transform: '{"order": "{{body.id}}", "for": "{{request.client}}"}',
      },
    ],
  });
  const item = '{"id": "{{params.id}}", "n": {{seq}}, "internal": "not for clients"}';
  b.node('orders', 'restService', {
    port: await unusedPort(),
    routes: ['/orders/:id', '/limited/:id', '/cached/:id', '/v2/orders/:id'].map((path) => ({
      method: 'GET',
      path,
      status: 200,
      response: item,
    })),
  });
  b.node('users', 'graphqlService', {
    port: await unusedPort(),
    schema: SDL,
    resolvers: { user: '{"id": "{{args.id}}", "name": "Ada"}' },
  });
  b.node('greeter', 'grpcService', {
    proto: GREETER,
    service: 'hello.Greeter',
    responses: { SayHello: '{"message": "hi {{request.name}}"}' },
  });
  b.edge('edge', 'orders');
  b.edge('edge', 'users');
  b.edge('edge', 'greeter');
  return { flow: b.flow, base: `http://127.0.0.1:${port}` };
}

async function run(e: Engine, flow: unknown): Promise<string> {
  process.env[SECRET_VAR] = SECRET;
  const started = await e.handlers['run.start']({ flow, environment: { kind: 'embedded' } });
  if (!started.ok) throw new Error(JSON.stringify(started.problems));
  await untilStatus(e, 'gateway serving', (s) => s.counters.edge?.status === 'running');
  return started.runId;
}

async function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { headers });
}

describe('API gateway (real HTTP, gRPC and GraphQL services on loopback)', () => {
  it('authenticates API keys: a known key passes, a missing or unknown one gets 401', async () => {
    const { engine: e } = await startEngine();
    const { flow, base } = await gatewayFlow();
    await run(e, flow);
    const ok = await get(`${base}/orders/7`, { 'x-api-key': MOBILE_KEY });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: '7' });
    const missing = await get(`${base}/orders/7`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('ApiKey');
    expect((await get(`${base}/orders/7`, { 'x-api-key': 'stolen-key-000' })).status).toBe(401);
  });

  it('authenticates HS256 JWTs with the secret from the environment, refusing forged and expired ones', async () => {
    const { engine: e } = await startEngine();
    const { flow, base } = await gatewayFlow();
    await run(e, flow);
    const query = JSON.stringify({ query: '{ user(id: 5) { name } }' });
    const post = (token: string): Promise<Response> =>
      fetch(`${base}/users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: query,
      });
    const good = await post(signHs256({ sub: 'web', exp: Math.floor(Date.now() / 1000) + 60 }, SECRET));
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ data: { user: { name: 'Ada' } } });
    expect((await post(signHs256({ sub: 'web' }, 'someone-elses-secret'))).status).toBe(401);
    expect((await post(signHs256({ sub: 'web', exp: 1 }, SECRET))).status).toBe(401);
    expect(JSON.stringify(flow)).not.toContain(SECRET);
  });

  it('rate-limits per client with a token bucket: 429 with Retry-After, other clients unaffected', async () => {
    const { engine: e } = await startEngine();
    const { flow, base } = await gatewayFlow();
    await run(e, flow);
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await get(`${base}/limited/${i}`, { 'x-client-id': 'web' })).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    const limited = await get(`${base}/limited/9`, { 'x-client-id': 'web' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await get(`${base}/limited/1`, { 'x-client-id': 'partner' })).status).toBe(200);
  });

  it('routes by path and method to REST, GraphQL and gRPC (JSON body to a unary call)', async () => {
    const { engine: e } = await startEngine();
    const { flow, base } = await gatewayFlow();
    await run(e, flow);
    const greet = await fetch(`${base}/greet`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Lin' }),
    });
    expect(greet.status).toBe(200);
    expect(await greet.json()).toEqual({ message: 'hi Lin' });
    const wrongMethod = await get(`${base}/greet`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect((await get(`${base}/nowhere`)).status).toBe(404);
    const s = await untilStatus(e, 'services counted', (x) => (x.counters.greeter?.received ?? 0) >= 1);
    expect(s.counters.orders?.received ?? 0).toBe(0);
  });

  it('transforms the answer with the route template', async () => {
    const { engine: e } = await startEngine();
    const { flow, base } = await gatewayFlow();
    await run(e, flow);
    const res = await get(`${base}/v2/orders/42`, { 'x-api-key': MOBILE_KEY });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(await res.json()).toEqual({ order: '42', for: 'mobile' });
  });

  it('caches GET answers for their TTL with X-Cache MISS then HIT, then asks the service again', async () => {
    const { engine: e } = await startEngine();
    const { flow, base } = await gatewayFlow();
    await run(e, flow);
    const first = await get(`${base}/cached/1`);
    const second = await get(`${base}/cached/1`);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(second.headers.get('x-cache')).toBe('HIT');
    const a = (await first.json()) as { n: number };
    expect(await second.json()).toEqual(a);
    expect((await get(`${base}/cached/2`)).headers.get('x-cache')).toBe('MISS');
    await new Promise((r) => setTimeout(r, 1600));
    const third = await get(`${base}/cached/1`);
    expect(third.headers.get('x-cache')).toBe('MISS');
    expect(((await third.json()) as { n: number }).n).not.toBe(a.n);
    const s = await untilStatus(e, 'three service calls', (x) => x.counters.orders?.received === 3);
    expect(s.counters.orders?.received).toBe(3);
  });

  it('counts per route and records each request and its upstream call as spans of the caller trace', async () => {
    const { engine: e } = await startEngine();
    const { flow, base } = await gatewayFlow();
    await run(e, flow);
    const caller = { traceId: newTraceId(), spanId: newSpanId() };
    await get(`${base}/orders/1`, { 'x-api-key': MOBILE_KEY, traceparent: formatTraceparent(caller) });
    await get(`${base}/orders/2`, { 'x-api-key': MOBILE_KEY });
    await get(`${base}/orders/3`);
    await get(`${base}/cached/1`);
    const s = await untilStatus(e, 'route counters', (x) => x.counters['edge/routes/0']?.received === 3);
    expect(s.counters['edge/routes/0']).toMatchObject({ received: 3, acked: 2, nacked: 1, errors: 0 });
    expect(s.counters['edge/routes/4']).toMatchObject({ received: 1, acked: 1 });
    expect(s.counters['edge/routes/0']?.p50Ms).toBeGreaterThan(0);
    expect(s.counters.edge).toMatchObject({ received: 4, acked: 3, nacked: 1 });
    await e.handlers['run.stop']({});
    const trace: TraceEvent[] = await e.handlers['trace.get']({ traceId: caller.traceId });
    const at = trace.find((ev) => ev.nodeId === 'edge' && ev.kind === 'respond');
    const call = trace.find((ev) => ev.nodeId === 'edge' && ev.kind === 'call');
    const served = trace.find((ev) => ev.nodeId === 'orders' && ev.kind === 'respond');
    expect(at?.parentSpanId).toBe(caller.spanId);
    expect(call?.parentSpanId).toBe(at?.spanId);
    expect(served?.parentSpanId).toBe(call?.spanId);
  });

  it('REST client nodes of the flow call through the gateway', async () => {
    const { engine: e } = await startEngine();
    const { flow, base } = await gatewayFlow();
    void base;
    const f = flow as { nodes: unknown[]; edges: unknown[] };
    f.nodes.push({
      id: 'app',
      kind: 'restClient',
      position: { x: 0, y: 600 },
      config: {
        name: 'app',
        method: 'GET',
        path: '/orders/{{seq}}',
        headers: { 'x-api-key': MOBILE_KEY },
        rate: 20,
        count: 5,
      },
    });
    f.edges.push({ id: 'app->edge', source: 'app', target: 'edge' });
    await run(e, f);
    const s = await untilStatus(e, 'client done', (x) => x.counters.app?.status === 'done');
    expect(s.counters.app).toMatchObject({ sent: 5, received: 5, errors: 0 });
    expect(s.counters.orders).toMatchObject({ received: 5 });
  });
});
