import { Cursor, ExpressionError } from './expression-error';

/**
 * A small, safe JSONPath subset over a message: `$` (the JSON payload; `payload` means the
 * same) followed by `.name`, `["any name"]` and `[index]` (negative counts from the end);
 * `key` (the message key); `headers.name` or `headers["x-name"]`. No filters, wildcards or
 * scripts: reading a path can only walk properties.
 */
export interface MessagePath {
  root: 'payload' | 'key' | 'headers';
  segments: Array<string | number>;
  /** The path as written. */
  text: string;
}

/** What a path reads: the payload's JSON is only parsed when a path needs it. */
export interface MessageView {
  key?: string;
  headers: Record<string, string>;
  /** The payload as JSON; throws a clear error when the payload is not JSON. */
  json(): unknown;
}

/** Parses a whole path; throws ExpressionError naming the character where it is wrong. */
export function parsePath(text: string): MessagePath {
  const cursor = new Cursor(text);
  const path = parsePathAt(cursor);
  if (!cursor.done) throw cursor.error('expected the end of the path');
  return path;
}

/** Parses a path at the cursor (inside a predicate, say). */
export function parsePathAt(cursor: Cursor): MessagePath {
  cursor.skipSpace();
  const start = cursor.pos;
  const name = cursor.identifier();
  const root =
    name === '$' || name === 'payload' ? 'payload' : name === 'key' || name === 'headers' ? name : null;
  if (!root) {
    throw new ExpressionError(
      name
        ? `unknown name "${name}": a path starts with $, payload, key or headers`
        : 'expected a path such as $.field',
      start,
      cursor.src,
    );
  }
  const segments: Array<string | number> = [];
  for (;;) {
    if (cursor.peek() === '.') {
      cursor.pos++;
      const field = /^[A-Za-z_$][\w$-]*/.exec(cursor.src.slice(cursor.pos));
      if (!field) throw cursor.error('expected a field name after "."');
      cursor.pos += field[0].length;
      segments.push(field[0]);
    } else if (cursor.peek() === '[') {
      cursor.pos++;
      cursor.skipSpace();
      const c = cursor.peek();
      if (c === '"' || c === "'") segments.push(cursor.quoted());
      else {
        const index = /^-?\d+/.exec(cursor.src.slice(cursor.pos));
        if (!index) throw cursor.error('expected an index or a quoted name inside [ ]');
        cursor.pos += index[0].length;
        segments.push(Number(index[0]));
      }
      cursor.expect(']', '"]"');
    } else break;
  }
  if (root === 'key' && segments.length > 0) {
    throw new ExpressionError('key is text: it has no fields', start, cursor.src);
  }
  if (root === 'headers' && segments.some((s) => typeof s === 'number')) {
    throw new ExpressionError('headers are named, not numbered', start, cursor.src);
  }
  return { root, segments, text: cursor.src.slice(start, cursor.pos).trim() };
}

/** The value at `path`, or undefined when some step of it is missing. */
export function readPath(path: MessagePath, view: MessageView): unknown {
  if (path.root === 'key') return view.key;
  let cur: unknown = path.root === 'headers' ? view.headers : view.json();
  for (const seg of path.segments) cur = step(cur, seg);
  return cur;
}

function step(value: unknown, seg: string | number): unknown {
  if (typeof seg === 'number') {
    if (!Array.isArray(value)) return undefined;
    return value[seg < 0 ? value.length + seg : seg];
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  // Own properties only: a path can never reach a prototype ("__proto__", "constructor").
  return Object.prototype.hasOwnProperty.call(value, seg)
    ? (value as Record<string, unknown>)[seg]
    : undefined;
}

/**
 * A copy of `root` with `value` set at the payload path (objects on the way are created,
 * nothing is changed in place). Throws a sentence when a step on the way is not an object.
 */
export function writePath(path: MessagePath, root: unknown, value: unknown): unknown {
  if (path.root !== 'payload') throw new Error(`can only write into the payload ($…), not ${path.text}`);
  return writeAt(root, path.segments, 0, value, path);
}

function writeAt(
  cur: unknown,
  segs: MessagePath['segments'],
  i: number,
  value: unknown,
  path: MessagePath,
): unknown {
  if (i === segs.length) return value;
  const seg = segs[i];
  const where =
    i === 0
      ? '$'
      : `$${segs
          .slice(0, i)
          .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
          .join('')}`;
  if (typeof seg === 'number') {
    if (!Array.isArray(cur)) throw new Error(`cannot write ${path.text}: ${where} is not an array`);
    const at = seg < 0 ? cur.length + seg : seg;
    if (at < 0 || at >= cur.length) throw new Error(`cannot write ${path.text}: ${where} has no item ${seg}`);
    const copy = [...cur];
    copy[at] = writeAt(cur[at], segs, i + 1, value, path);
    return copy;
  }
  if (cur === undefined || cur === null) cur = {};
  if (typeof cur !== 'object' || Array.isArray(cur)) {
    throw new Error(
      `cannot write ${path.text}: ${where} is ${Array.isArray(cur) ? 'an array' : `a ${typeof cur}`}, not an object`,
    );
  }
  const obj = cur as Record<string, unknown>;
  const next = Object.prototype.hasOwnProperty.call(obj, seg) ? obj[seg] : undefined;
  const copy: Record<string, unknown> = { ...obj };
  Object.defineProperty(copy, seg, {
    value: writeAt(next, segs, i + 1, value, path),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}
