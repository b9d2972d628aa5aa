import { afterEach, describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src-main/engine/template/payload-template';
import { createRestClient } from '../../src-main/engine/transports/http/rest-client';
import type { RestRequest, RestServer } from '../../src-main/engine/transports/http/rest-server';
import {
  startRestServer,
  type RestRequestEvent,
  type RestResponseEvent,
} from '../../src-main/engine/transports/http/rest-server';
import {
  formatTraceparent,
  newSpanId,
  newTraceId,
  parseTraceparent,
} from '../../src-main/engine/trace/traceparent';
import { waitFor } from './helpers/brokers';

// The runtime renders route bodies with the flow's template engine; the tests plug in the same one.
function templated(source: string): (request: RestRequest) => string {
  const template = compileTemplate(source);
  let seq = 0;
  return (request) => template.render(++seq, { ...request });
}

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const closable of open.splice(0)) await closable.close();
});

async function serve(options: Parameters<typeof startRestServer>[0]): Promise<RestServer> {
  const server = await startRestServer(options);
  open.push(server);
  return server;
}

function client(baseUrl?: string): ReturnType<typeof createRestClient> {
  const c = createRestClient({ baseUrl, timeoutMs: 5000 });
  open.push(c);
  return c;
}

describe('REST service on loopback', () => {
  it('answers a route with path parameters, query, body, status and headers from its template', async () => {
    const server = await serve({
      node: 'orders',
      routes: [
        {
          method: 'POST',
          path: '/customers/:customer/orders/:id',
          status: 201,
          headers: { 'X-Served-By': 'flowbench', Location: '/orders/x' },
          render: templated(
            '{"id": "{{params.id}}", "customer": "{{params.customer}}", "tag": "{{query.tag}}", "total": {{body.total}}}',
          ),
        },
      ],
    });
    const response = await client(server.url).call({
      method: 'POST',
      url: '/customers/ada/orders/42?tag=rush',
      body: JSON.stringify({ total: 99.5 }),
    });
    expect(response.status).toBe(201);
    expect(response.headers['x-served-by']).toBe('flowbench');
    expect(response.headers.location).toBe('/orders/x');
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(response.body.toString())).toEqual({
      id: '42',
      customer: 'ada',
      tag: 'rush',
      total: 99.5,
    });
  });

  it('lets render replace the status and headers of a single reply', async () => {
    const server = await serve({
      node: 'flaky',
      routes: [
        {
          method: 'GET',
          path: '/items/:id',
          status: 200,
          render: (request) =>
            request.params.id === 'gone'
              ? { status: 410, headers: { 'content-type': 'text/plain' }, body: 'gone' }
              : '{"ok": true}',
        },
      ],
    });
    const c = client(server.url);
    expect((await c.call({ method: 'GET', url: '/items/1' })).status).toBe(200);
    const gone = await c.call({ method: 'GET', url: '/items/gone' });
    expect([gone.status, gone.headers['content-type'], gone.body.toString()]).toEqual([
      410,
      'text/plain',
      'gone',
    ]);
  });

  it('never replies sooner than the route latency', async () => {
    const server = await serve({
      node: 'slow',
      routes: [
        { method: 'GET', path: '/slow', status: 200, latencyMs: 250, render: () => '{}' },
        { method: 'GET', path: '/fast', status: 200, render: () => '{}' },
      ],
    });
    const c = client(server.url);
    const started = performance.now();
    const slow = await c.call({ method: 'GET', url: '/slow' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(slow.durationMs).toBeGreaterThanOrEqual(250);
    const fast = await c.call({ method: 'GET', url: '/fast' });
    expect(fast.durationMs).toBeLessThan(250);
  });

  it('answers unknown paths with 404, wrong methods with 405 and Allow, each with a JSON error', async () => {
    const server = await serve({
      node: 'orders',
      routes: [
        { method: 'GET', path: '/orders/:id', status: 200, render: () => '{}' },
        { method: 'DELETE', path: '/orders/:id', status: 204, render: () => '' },
      ],
    });
    const c = client(server.url);
    const missing = await c.call({ method: 'GET', url: '/invoices/1' });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString())).toEqual({
      error: '"orders" has no route for GET /invoices/1',
    });
    const wrong = await c.call({ method: 'PUT', url: '/orders/1', body: '{}' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET, DELETE');
    expect(JSON.parse(wrong.body.toString()).error).toContain('only for GET, DELETE, not PUT');
  });

  it('refuses a body over the limit with 413 and a malformed JSON body with 400, and keeps serving', async () => {
    const server = await serve({
      node: 'orders',
      maxBodyBytes: 1024,
      routes: [{ method: 'POST', path: '/orders', status: 201, render: () => '{}' }],
    });
    const c = client(server.url);
    const big = await c.call({
      method: 'POST',
      url: '/orders',
      body: JSON.stringify({ pad: 'x'.repeat(5000) }),
    });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body.toString()).error).toBe('request body is larger than the limit of 1024 bytes');
    const bad = await c.call({ method: 'POST', url: '/orders', body: '{"total": ' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString()).error).toMatch(/^request body is not valid JSON/);
    expect((await c.call({ method: 'POST', url: '/orders', body: '{"total": 1}' })).status).toBe(201);
  });

  it('turns a failing render into a 500 naming the route', async () => {
    const server = await serve({
      node: 'orders',
      routes: [
        {
          method: 'GET',
          path: '/orders/:id',
          status: 200,
          render: () => {
            throw new Error('template reads {{body.missing}}');
          },
        },
      ],
    });
    const response = await client(server.url).call({ method: 'GET', url: '/orders/1' });
    expect(response.status).toBe(500);
    expect(JSON.parse(response.body.toString()).error).toBe(
      'route GET /orders/:id of "orders" failed: template reads {{body.missing}}',
    );
  });

  it('reports each request and response to its hooks, with the traceparent the client sent', async () => {
    const requests: RestRequestEvent[] = [];
    const responses: RestResponseEvent[] = [];
    const server = await serve({
      node: 'orders',
      routes: [
        { method: 'PUT', path: '/orders/:id', status: 200, latencyMs: 30, render: () => '{"saved": true}' },
      ],
      hooks: { onRequest: (e) => requests.push(e), onResponse: (e) => responses.push(e) },
    });
    const sent = formatTraceparent({ traceId: newTraceId(), spanId: newSpanId() });
    const result = await client(server.url).call({
      method: 'PUT',
      url: '/orders/7?x=1',
      body: '{"n": 1}',
      traceparent: sent,
      headers: { 'X-Tenant': 'a' },
    });
    expect(result.traceparent).toBe(sent);
    await waitFor('the response hook', () => responses.length === 1);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'PUT',
      url: '/orders/7?x=1',
      route: '/orders/:id',
      traceparent: sent,
    });
    expect(requests[0].headers['x-tenant']).toBe('a');
    expect(requests[0].body.toString()).toBe('{"n": 1}');
    expect(responses[0]).toMatchObject({ id: requests[0].id, status: 200, traceparent: sent });
    expect(responses[0].body.toString()).toBe('{"saved": true}');
    expect(responses[0].headers['content-length']).toBe('15');
    expect(responses[0].durationMs).toBeGreaterThanOrEqual(30);
  });

  it('makes a fresh traceparent when the caller gives none', async () => {
    const seen: Array<string | undefined> = [];
    const server = await serve({
      node: 'orders',
      routes: [{ method: 'GET', path: '/t', status: 200, render: () => '{}' }],
      hooks: { onRequest: (e) => seen.push(e.traceparent) },
    });
    const result = await client(server.url).call({ method: 'GET', url: '/t' });
    expect(parseTraceparent(result.traceparent)).not.toBeNull();
    expect(seen).toEqual([result.traceparent]);
  });

  it('closes promptly while a reply is still waiting out its latency', async () => {
    const requested: number[] = [];
    const server = await startRestServer({
      node: 'slow',
      routes: [{ method: 'GET', path: '/slow', status: 200, latencyMs: 10_000, render: () => '{}' }],
      hooks: { onRequest: (e) => requested.push(e.id) },
    });
    const call = client(server.url)
      .call({ method: 'GET', url: '/slow' })
      .catch((e: unknown) => e);
    await waitFor('the request to arrive', () => requested.length === 1);
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await call).toMatchObject({ failure: 'network' });
  });

  it('names the node and port when the port is taken', async () => {
    const first = await serve({ node: 'a', routes: [] });
    await expect(startRestServer({ node: 'b', port: first.port, routes: [] })).rejects.toThrow(
      `"b": port ${first.port} on 127.0.0.1 is already in use`,
    );
  });
});
