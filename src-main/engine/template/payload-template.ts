import { randomUUID } from 'node:crypto';
import { faker } from '@faker-js/faker';

/** Values a template can read besides the built-ins: `{{request.name}}` reads context.request.name. */
export type TemplateContext = Record<string, unknown>;

type Part = string | ((seq: number, ctx: TemplateContext) => unknown);

/** A template parsed once and rendered many times on the hot path. */
export interface CompiledTemplate {
  render(seq: number, context?: TemplateContext): string;
}

/** A template that cannot compile; `offset` is the character where the bad expression starts. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly offset?: number,
  ) {
    super(message);
  }
}

/**
 * Compiles a payload template: `{{seq}}`, `{{uuid}}`, `{{now}}`, `{{faker.person.firstName}}`
 * (optionally with JSON arguments: `{{faker.number.int({"max": 9})}}`) and context paths such as
 * `{{request.name}}`. Strings are JSON-escaped so a value with quotes cannot break the JSON.
 * Throws TemplateError naming the expression when one is unknown.
 */
export function compileTemplate(source: string): CompiledTemplate {
  const parts: Part[] = [];
  let last = 0;
  for (const { start, end, expr } of scanExpressions(source)) {
    parts.push(source.slice(last, start));
    try {
      parts.push(compileExpression(expr));
    } catch (err) {
      // The offset lets editors mark the line of the expression (template.preview).
      if (err instanceof TemplateError && err.offset === undefined)
        throw new TemplateError(err.message, start);
      throw err;
    }
    last = end;
  }
  parts.push(source.slice(last));
  const compact = parts.filter((p) => p !== '');
  return {
    render(seq, context = {}) {
      let out = '';
      for (const part of compact) {
        if (typeof part === 'string') out += part;
        else out += stringify(part(seq, context));
      }
      return out;
    },
  };
}

/** Finds `{{ … }}` spans; braces inside (JSON arguments) are balanced, not terminators. */
function* scanExpressions(source: string): Generator<{ start: number; end: number; expr: string }> {
  let from = 0;
  for (;;) {
    const start = source.indexOf('{{', from);
    if (start < 0) return;
    let depth = 0;
    let i = start + 2;
    for (; i < source.length; i++) {
      const c = source[i];
      if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0 && source[i + 1] === '}') break;
        depth--;
      }
    }
    if (i >= source.length)
      throw new TemplateError(`"{{" at character ${start} is never closed with "}}"`, start);
    yield { start, end: i + 2, expr: source.slice(start + 2, i).trim() };
    from = i + 2;
  }
}

/** True when JSON.stringify would escape something in `s`; most values (ids, dates) have nothing. */
function needsEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Control characters, '"', '\\' and surrogates (a lone one is escaped, a pair is left to JSON).
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return needsEscape(value) ? JSON.stringify(value).slice(1, -1) : value;
  if (value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

let isoMs = -1;
let iso = '';

/** The current time as ISO text; formatted once per millisecond, as a batch renders many per ms. */
function isoNow(): string {
  const ms = Date.now();
  if (ms !== isoMs) {
    isoMs = ms;
    iso = new Date(ms).toISOString();
  }
  return iso;
}

function compileExpression(expr: string): (seq: number, ctx: TemplateContext) => unknown {
  if (expr === 'seq') return (seq) => seq;
  if (expr === 'uuid') return () => randomUUID();
  if (expr === 'now') return isoNow;
  if (expr === 'nowMs') return () => Date.now();
  if (expr.startsWith('faker.')) return compileFaker(expr);
  if (/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(expr)) {
    const path = expr.split('.');
    return (_seq, ctx) => readPath(ctx, path);
  }
  throw new TemplateError(`unknown expression {{${expr}}}`);
}

function compileFaker(expr: string): () => unknown {
  const m = /^faker\.([\w.]+?)(?:\((.*)\))?$/s.exec(expr);
  if (!m) throw new TemplateError(`cannot read {{${expr}}}: expected faker.module.method`);
  let target: unknown = faker;
  let owner: unknown = faker;
  for (const key of m[1].split('.')) {
    owner = target;
    target = target && typeof target === 'object' ? (target as Record<string, unknown>)[key] : undefined;
  }
  if (typeof target !== 'function') throw new TemplateError(`unknown faker function {{${expr}}}`);
  let args: unknown[] = [];
  if (m[2] !== undefined && m[2].trim() !== '') {
    try {
      args = JSON.parse(`[${m[2]}]`) as unknown[];
    } catch {
      throw new TemplateError(`arguments of {{${expr}}} must be JSON values`);
    }
  }
  const fn = target as (...a: unknown[]) => unknown;
  return () => fn.apply(owner, args);
}

function readPath(root: unknown, path: string[]): unknown {
  let cur = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
