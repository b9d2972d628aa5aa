import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpCallError } from '../../src-main/engine/transports/http/http-call-error';
import { createRestClient } from '../../src-main/engine/transports/http/rest-client';
import { unusedPort } from './helpers/brokers';

// A plain node:http server stands in for "any URL outside the flow".
interface Seen {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const servers: Server[] = [];
const clients: Array<ReturnType<typeof createRestClient>> = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function plainServer(
  handler: (seen: Seen, reply: (status: number, body: string) => void) => void,
): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () =>
      handler({ method: req.method, url: req.url, headers: req.headers, body }, (status, text) => {
        res.writeHead(status, { 'content-type': 'application/json', 'x-upstream': 'plain' });
        res.end(text);
      }),
    );
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

function newClient(
  options: Parameters<typeof createRestClient>[0] = {},
): ReturnType<typeof createRestClient> {
  const c = createRestClient(options);
  clients.push(c);
  return c;
}

describe('REST client', () => {
  it('calls an absolute URL outside the flow with method, headers, body and traceparent', async () => {
    const seen: Seen[] = [];
    const base = await plainServer((s, reply) => {
      seen.push(s);
      reply(202, '{"accepted": true}');
    });
    const traceparent = `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`;
    const result = await newClient().call({
      method: 'patch',
      url: `${base}/payments/9?dry=1`,
      headers: { 'X-Api-Key': 'k1' },
      body: '{"amount": 3}',
      traceparent,
    });
    expect(result).toMatchObject({ status: 202, url: `${base}/payments/9?dry=1`, traceparent });
    expect(result.headers['x-upstream']).toBe('plain');
    expect(JSON.parse(result.body.toString())).toEqual({ accepted: true });
    expect(seen[0]).toMatchObject({ method: 'PATCH', url: '/payments/9?dry=1', body: '{"amount": 3}' });
    expect(seen[0].headers).toMatchObject({
      traceparent,
      'x-api-key': 'k1',
      'content-type': 'application/json; charset=utf-8',
    });
  });

  it('returns error statuses as results, not failures', async () => {
    const base = await plainServer((_s, reply) => reply(503, '{"error": "busy"}'));
    const result = await newClient({ baseUrl: base }).call({ method: 'GET', url: '/x' });
    expect(result.status).toBe(503);
  });

  it('fails with connection-refused naming the host when nothing listens', async () => {
    const port = await unusedPort();
    const error = await newClient({ baseUrl: `http://127.0.0.1:${port}` })
      .call({ method: 'GET', url: '/orders/1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpCallError);
    expect(error).toMatchObject({ failure: 'connection-refused', url: `http://127.0.0.1:${port}/orders/1` });
    expect((error as Error).message).toBe(`connection refused by 127.0.0.1:${port} (is the server running?)`);
  });

  it('fails with timeout after the per-request limit, not sooner', async () => {
    const base = await plainServer(() => undefined); // never replies
    const c = newClient({ baseUrl: base, timeoutMs: 5000 });
    const started = performance.now();
    const error = await c.call({ method: 'GET', url: '/hang', timeoutMs: 300 }).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({
      failure: 'timeout',
      message: `no response from ${base}/hang within 300 ms`,
    });
    expect(elapsed).toBeGreaterThanOrEqual(300);
    expect(elapsed).toBeLessThan(3000);
  });

  it('refuses a relative path with no service to send it to, and a malformed URL', async () => {
    await expect(newClient().call({ method: 'GET', url: '/orders/1' })).rejects.toMatchObject({
      failure: 'bad-url',
      message: '"/orders/1" is a path but the client is connected to no REST service',
    });
    await expect(newClient().call({ method: 'GET', url: 'http://exa mple/' })).rejects.toMatchObject({
      failure: 'bad-url',
    });
  });

  it('reuses one kept-alive connection for calls in sequence', async () => {
    const ports = new Set<number>();
    const server = createServer((req, res) => {
      ports.add(req.socket.remotePort ?? 0);
      res.end('{}');
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const c = newClient({ baseUrl: `http://127.0.0.1:${address.port}` });
    for (let i = 0; i < 20; i++) expect((await c.call({ method: 'GET', url: `/n/${i}` })).status).toBe(200);
    expect(ports.size).toBe(1);
  });
});
