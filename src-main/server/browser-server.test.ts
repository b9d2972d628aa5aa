import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { REQUEST_NAMES } from '@shared/api/contract';
import type { ApiHandlers } from '../engine/api/dispatch';
import { startBrowserServer, type BrowserServer } from './browser-server';
import { tokenCookieName } from './request-guard';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function fakeHandlers(): ApiHandlers {
  const entries = REQUEST_NAMES.map((name) => [
    name,
    async (): Promise<never> => Promise.reject(new Error(`${name} is not faked`)),
  ]);
  const handlers = Object.fromEntries(entries) as unknown as ApiHandlers;
  handlers['flow.sample'] = async () => ({ text: '{"sample":true}' });
  return handlers;
}

let server: BrowserServer;
let dir: string;

function get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        headers: { host: `127.0.0.1:${server.port}`, ...headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function cookie(): Record<string, string> {
  return { cookie: `${tokenCookieName(server.port)}=${server.token}` };
}

function openSocket(query: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function nextFrame(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) =>
    ws.once('message', (data) => resolve(JSON.parse(String(data)) as Record<string, unknown>)),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowbench-server-test-'));
  await mkdir(join(dir, 'renderer/assets'), { recursive: true });
  await writeFile(join(dir, 'renderer/index.html'), '<!doctype html><title>Flowbench</title>');
  await writeFile(join(dir, 'renderer/assets/app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'outside');
  server = await startBrowserServer({
    port: 0,
    handlers: fakeHandlers(),
    rendererDir: join(dir, 'renderer'),
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('browser server over HTTP', () => {
  it('prints a loopback URL with a 64-hex-digit token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses requests without the token, with a bad Host or a foreign Origin', async () => {
    expect((await get('/')).status).toBe(403);
    expect((await get('/assets/app.js')).status).toBe(403);
    expect((await get('/?token=nope')).status).toBe(403);
    expect((await get('/', { ...cookie(), host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await get('/', { ...cookie(), origin: 'http://evil.example' })).status).toBe(403);
  });

  it('serves index with the token, sets the cookie and the security headers', async () => {
    const page = await get(`/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(String(page.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect(page.headers['content-security-policy']).toContain(
      `connect-src 'self' ws://127.0.0.1:${server.port}`,
    );
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toContain('<title>Flowbench</title>');
  });

  it('serves assets with the cookie; no listing, no traversal', async () => {
    const js = await get('/assets/app.js', cookie());
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get('/assets/', cookie())).status).toBe(404);
    expect((await get('/../secret.txt', cookie())).status).toBe(404);
    expect((await get('/%2e%2e/secret.txt', cookie())).status).toBe(404);
    expect((await get('/missing.js', cookie())).status).toBe(404);
  });
});

describe('browser server over WebSocket', () => {
  const origin = (): string => `http://127.0.0.1:${server.port}`;

  it('refuses upgrades with a missing or foreign Origin, a bad Host or no token', async () => {
    await expect(openSocket(`?token=${server.token}`, {})).rejects.toThrow(/403/);
    await expect(openSocket(`?token=${server.token}`, { origin: 'http://evil.example' })).rejects.toThrow(
      /403/,
    );
    await expect(openSocket('', { origin: origin() })).rejects.toThrow(/403/);
    await expect(
      openSocket(`?token=${server.token}`, { origin: origin(), host: `evil.example:${server.port}` }),
    ).rejects.toThrow(/403/);
  });

  it('answers requests, reports bad input and malformed JSON, and pushes events', async () => {
    const ws = await openSocket(`?token=${server.token}`, { origin: origin() });
    ws.send(JSON.stringify({ id: 1, name: 'flow.sample', input: {} }));
    expect(await nextFrame(ws)).toEqual({ id: 1, ok: true, value: { text: '{"sample":true}' } });

    ws.send(JSON.stringify({ id: 2, name: 'flow.sample', input: { extra: 1 } }));
    expect(await nextFrame(ws)).toMatchObject({ id: 2, ok: false, error: { code: 'invalid-input' } });

    ws.send(JSON.stringify({ id: 3, name: 'no.such', input: {} }));
    expect(await nextFrame(ws)).toMatchObject({ id: 3, ok: false, error: { code: 'unknown-request' } });

    ws.send(JSON.stringify({ id: 4, name: 'run.stop', input: {} }));
    expect(await nextFrame(ws)).toMatchObject({
      id: 4,
      ok: false,
      error: { code: 'failed', message: 'run.stop is not faked' },
    });

    ws.send('{not json');
    expect(await nextFrame(ws)).toMatchObject({ id: null, ok: false, error: { message: 'malformed JSON' } });

    const pushed = nextFrame(ws);
    server.emit('menu.command', { command: 'save' });
    expect(await pushed).toEqual({ event: 'menu.command', payload: { command: 'save' } });
    ws.close();
  });

  it('accepts the cookie instead of the query token', async () => {
    const ws = await openSocket('', { origin: origin(), ...cookie() });
    ws.close();
  });
});
