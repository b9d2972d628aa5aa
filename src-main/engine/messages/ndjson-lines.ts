/** One message to produce, read from a line of an NDJSON import. */
export interface ImportedMessage {
  payload: Buffer;
  headers: Record<string, string>;
  key?: string;
}

/** Headers a re-produced message must not carry over: it starts a trace of its own. */
const DROPPED_HEADERS = new Set(['traceparent', 'tracestate']);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads one NDJSON line. A line as our export writes it (`payload` text, `payloadEncoding`
 * utf8 or base64, `headers`, `key`) is produced as that message; any other JSON value is
 * itself the payload. Throws naming the line and what is wrong.
 */
export function parseImportLine(line: string, lineNo: number): ImportedMessage {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new Error(`line ${lineNo}: not JSON (${(err as Error).message})`);
  }
  if (
    !isRecord(value) ||
    typeof value.payload !== 'string' ||
    !('payloadEncoding' in value || 'headers' in value)
  ) {
    return { payload: Buffer.from(JSON.stringify(value)), headers: {} };
  }
  const encoding = value.payloadEncoding ?? 'utf8';
  if (encoding !== 'utf8' && encoding !== 'base64')
    throw new Error(
      `line ${lineNo}: payloadEncoding must be "utf8" or "base64", not ${JSON.stringify(encoding)}`,
    );
  const headers: Record<string, string> = {};
  if (value.headers !== undefined) {
    if (!isRecord(value.headers)) throw new Error(`line ${lineNo}: headers must be an object of strings`);
    for (const [k, v] of Object.entries(value.headers)) {
      if (typeof v !== 'string') throw new Error(`line ${lineNo}: header "${k}" must be a string`);
      if (!DROPPED_HEADERS.has(k.toLowerCase())) headers[k] = v;
    }
  }
  if (value.key !== undefined && value.key !== null && typeof value.key !== 'string')
    throw new Error(`line ${lineNo}: key must be a string or null`);
  return {
    payload: Buffer.from(value.payload, encoding),
    headers,
    ...(typeof value.key === 'string' ? { key: value.key } : {}),
  };
}

/** The non-blank lines of a text with their 1-based numbers, without splitting it all at once. */
export function* ndjsonLines(text: string): Generator<{ line: string; lineNo: number }> {
  let start = 0;
  let lineNo = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo++;
    const line = text.slice(start, end).trim();
    if (line !== '') yield { line, lineNo };
    start = end + 1;
  }
}
