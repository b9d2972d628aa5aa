import type { IncomingMessage } from 'node:http';

/** A request body over the server's limit; the server answers 413. */
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`request body is larger than the limit of ${limitBytes} bytes`);
  }
}

/**
 * Reads a request body up to `limitBytes`. A Content-Length over the limit fails before
 * any byte is read; a chunked body fails as soon as it crosses the limit, and the rest is
 * drained (not buffered) so the 413 can still be written on the same connection.
 */
export function readBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limitBytes) {
      request.resume();
      reject(new BodyTooLargeError(limitBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limitBytes) {
        over = true;
        chunks.length = 0;
        reject(new BodyTooLargeError(limitBytes));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks, size));
    });
    request.on('error', reject);
  });
}

/** True when a Content-Type names JSON (`application/json`, `application/problem+json`…). */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/** Flattens Node's header object (arrays joined with ", ", as HTTP allows). */
export function flattenHeaders(headers: NodeJS.Dict<string | string[] | number>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}
