import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_NAMES } from '@shared/api/contract';
import type { ApiHandlers } from '../engine/api/dispatch';
import { startBrowserServer, type BrowserServer } from './browser-server';
import { createExportDownloads, withDownload, type ExportDownloads } from './export-downloads';
import { tokenCookieName } from './request-guard';

let server: BrowserServer;
let downloads: ExportDownloads;
let dir: string;

function get(
  path: string,
  withToken = true,
): Promise<{ status: number; body: string; disposition?: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: `127.0.0.1:${server.port}` };
    if (withToken) headers.cookie = `${tokenCookieName(server.port)}=${server.token}`;
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body,
          disposition: res.headers['content-disposition'],
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowbench-downloads-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html>');
  downloads = createExportDownloads();
  const handlers = Object.fromEntries(REQUEST_NAMES.map((n) => [n, async () => undefined]));
  server = await startBrowserServer({
    port: 0,
    rendererDir: dir,
    downloads,
    handlers: handlers as unknown as ApiHandlers,
  });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('browser mode: download of a finished export', () => {
  it('serves the file just written, as an attachment, only with the token', async () => {
    const path = join(dir, 'first ten.ndjson');
    await writeFile(path, '{"n":1}\n');
    const done = await withDownload(downloads, {
      exportId: 'e',
      state: 'done',
      written: 1,
      total: 1,
      path,
    });
    expect(done.download).toMatch(/^\/downloads\/[0-9a-f]{32}$/);
    const reply = await get(done.download!);
    expect(reply).toMatchObject({ status: 200, body: '{"n":1}\n' });
    expect(reply.disposition).toContain('attachment; filename="first ten.ndjson"');
    expect((await get(done.download!, false)).status).toBe(403);
  });

  it('offers nothing else: unknown ids, other files, a file changed since are 404', async () => {
    expect((await get('/downloads/00000000000000000000000000000000')).status).toBe(404);
    expect((await get('/downloads/..%2Findex.html')).status).toBe(404);
    const path = join(dir, 'changed.csv');
    await writeFile(path, 'a\n');
    const url = await downloads.offer(path);
    await writeFile(path, 'a,b,c\n');
    expect((await get(url!)).status).toBe(404);
    const running = await withDownload(downloads, { exportId: 'r', state: 'running', written: 0, total: 9 });
    expect(running.download).toBeUndefined();
  });
});
