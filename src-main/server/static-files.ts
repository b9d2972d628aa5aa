import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a file; unknown kinds are served as opaque bytes (and nosniff keeps them so). */
export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request path to a file strictly inside `root`, or null. `/` means `index.html`;
 * any other folder, an undecodable path, a NUL, a backslash or a `..` escape gives null,
 * so there is no directory listing and no traversal.
 */
export function resolveStaticPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded === '/') decoded = '/index.html';
  if (decoded.endsWith('/')) return null;
  const base = resolve(root);
  const target = resolve(base, `.${decoded}`);
  return target.startsWith(base + sep) ? target : null;
}

/**
 * Serves one file of the built renderer for GET/HEAD, or answers 404. The real path
 * (after symlinks) must stay inside the root as well. Headers already set on `res`
 * (security headers, cookie) are kept.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  pathname: string,
): Promise<void> {
  const candidate = resolveStaticPath(root, pathname);
  const file = candidate ? await realFileInside(root, candidate) : null;
  if (!file) {
    sendText(res, 404, 'Not found');
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', contentTypeFor(file.path));
  res.setHeader('Content-Length', String(file.size));
  // The token cookie gates every asset, so nothing is worth caching by intermediaries.
  res.setHeader('Cache-Control', 'no-store');
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file.path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** Ends a response with a short plain-text body. */
export function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(`${text}\n`);
}

async function realFileInside(
  root: string,
  candidate: string,
): Promise<{ path: string; size: number } | null> {
  try {
    const [realRoot, realTarget] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!realTarget.startsWith(realRoot + sep)) return null;
    const info = await stat(realTarget);
    return info.isFile() ? { path: realTarget, size: info.size } : null;
  } catch {
    return null;
  }
}
