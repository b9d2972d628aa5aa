import { Cursor, ExpressionError } from './expression-error';
import { parsePathAt, readPath, type MessageView } from './json-path';

/**
 * Predicates over a message, as routers, filters and route steps write them:
 *   `$.total > 100 && headers.region == "eu"`, `$.tags[0] in ["a", "b"]`, `key matches /^vip-/i`,
 *   `$.customer.email exists`, `!($.status == "cancelled")`, or a bare path (true when truthy).
 * Comparisons: == != < <= > >= (ordering only between two numbers or two strings), exists,
 * matches (a /regex/flags or a quoted pattern), in [literals]. Combine with && (and), || (or),
 * ! (not) and parentheses. Literals: numbers, quoted strings, true, false, null.
 */
export interface Predicate {
  readonly source: string;
  /** Whether it reads the payload (so a non-JSON payload is an error for it). */
  readonly readsPayload: boolean;
  test(view: MessageView): boolean;
}

type Node = (view: MessageView) => unknown;

/** Compiles a predicate; throws ExpressionError naming the character where it is wrong. */
export function compilePredicate(source: string): Predicate {
  const parser = new PredicateParser(source);
  const node = parser.or();
  if (!parser.cursor.done) throw parser.cursor.error('expected && , || or the end of the predicate');
  return {
    source,
    readsPayload: parser.readsPayload,
    test: (view) => Boolean(node(view)),
  };
}

const COMPARISONS = ['==', '!=', '<=', '>=', '<', '>'] as const;
type Comparison = (typeof COMPARISONS)[number];

class PredicateParser {
  readonly cursor: Cursor;
  readsPayload = false;

  constructor(source: string) {
    this.cursor = new Cursor(source);
    if (this.cursor.done) throw new ExpressionError('the predicate is empty', 0, source);
  }

  or(): Node {
    let left = this.and();
    while (this.cursor.eat('||') || this.cursor.eatWord('or')) {
      const a = left;
      const b = this.and();
      left = (v) => Boolean(a(v)) || Boolean(b(v));
    }
    return left;
  }

  private and(): Node {
    let left = this.not();
    while (this.cursor.eat('&&') || this.cursor.eatWord('and')) {
      const a = left;
      const b = this.not();
      left = (v) => Boolean(a(v)) && Boolean(b(v));
    }
    return left;
  }

  private not(): Node {
    const c = this.cursor;
    c.skipSpace();
    if ((c.peek() === '!' && c.src[c.pos + 1] !== '=' && c.eat('!')) || c.eatWord('not')) {
      const inner = this.not();
      return (v) => !inner(v);
    }
    if (c.eat('(')) {
      const inner = this.or();
      c.expect(')', '")" to close "("');
      return inner;
    }
    return this.comparison();
  }

  private comparison(): Node {
    const c = this.cursor;
    const left = this.operand();
    if (c.eatWord('exists')) return (v) => left(v) !== undefined;
    if (c.eatWord('matches')) {
      const re = this.regex();
      return (v) => {
        const value = left(v);
        return typeof value === 'string' && re.test(value);
      };
    }
    if (c.eatWord('in')) {
      const list = this.list();
      return (v) => {
        const value = left(v);
        return list.some((item) => sameValue(item, value));
      };
    }
    const op = COMPARISONS.find((o) => c.eat(o));
    if (!op) {
      c.skipSpace();
      if (c.pos >= c.src.length || /[)&|]/.test(c.peek()) || /^(and|or)\b/.test(c.src.slice(c.pos))) {
        return left; // a bare operand: true when truthy
      }
      throw c.error('expected ==, !=, <, <=, >, >=, exists, matches or in');
    }
    const right = this.operand();
    return (v) => compare(op, left(v), right(v));
  }

  private operand(): Node {
    const c = this.cursor;
    c.skipSpace();
    const ch = c.peek();
    if (ch === '"' || ch === "'") {
      const s = c.quoted();
      return () => s;
    }
    const num = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(c.src.slice(c.pos));
    if (num) {
      c.pos += num[0].length;
      const n = Number(num[0]);
      return () => n;
    }
    for (const [word, value] of LITERAL_WORDS) {
      if (c.eatWord(word)) return () => value;
    }
    if (ch === '') throw c.error('expected a path or a value');
    const path = parsePathAt(c);
    if (path.root === 'payload') this.readsPayload = true;
    return (v) => readPath(path, v);
  }

  private literal(): unknown {
    const c = this.cursor;
    c.skipSpace();
    // A list holds values only: a path there would be read against nothing.
    if (/^(\$|payload\b|key\b|headers\b)/.test(c.src.slice(c.pos))) {
      throw c.error('expected a value (number, string, true, false or null), not a path');
    }
    return this.operand()({ headers: {}, json: () => undefined });
  }

  private list(): unknown[] {
    const c = this.cursor;
    c.expect('[', '"[" to start the list');
    const items: unknown[] = [];
    if (c.eat(']')) return items;
    do items.push(this.literal());
    while (c.eat(','));
    c.expect(']', '"," or "]"');
    return items;
  }

  private regex(): RegExp {
    const c = this.cursor;
    c.skipSpace();
    const start = c.pos;
    let pattern: string;
    let flags = '';
    if (c.peek() === '/') {
      let i = c.pos + 1;
      for (; i < c.src.length && c.src[i] !== '/'; i++) if (c.src[i] === '\\') i++;
      if (i >= c.src.length) throw new ExpressionError('this /regex/ is never closed', start, c.src);
      pattern = c.src.slice(c.pos + 1, i);
      flags = /^[a-z]*/.exec(c.src.slice(i + 1))?.[0] ?? '';
      c.pos = i + 1 + flags.length;
      if (/[^imsu]/.test(flags))
        throw new ExpressionError(`flags may be i, m, s and u, not "${flags}"`, i + 1, c.src);
    } else if (c.peek() === '"' || c.peek() === "'") {
      pattern = c.quoted();
    } else throw c.error('expected a /regex/ or a quoted pattern after matches');
    try {
      return new RegExp(pattern, flags);
    } catch (err) {
      throw new ExpressionError(`bad regex: ${(err as Error).message}`, start, c.src);
    }
  }
}

const LITERAL_WORDS: Array<[string, unknown]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];

function compare(op: Comparison, a: unknown, b: unknown): boolean {
  if (op === '==') return sameValue(a, b);
  if (op === '!=') return !sameValue(a, b);
  const ordered =
    (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
  if (!ordered) return false;
  const x = a as number | string;
  const y = b as number | string;
  if (op === '<') return x < y;
  if (op === '<=') return x <= y;
  if (op === '>') return x > y;
  return x >= y;
}

/** Equality without coercion; arrays and objects compare by content. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      Object.prototype.hasOwnProperty.call(b, k) &&
      sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}
