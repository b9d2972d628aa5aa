/** A path or predicate that cannot be read; `position` is the 0-based character where it went wrong. */
export class ExpressionError extends Error {
  constructor(
    readonly reason: string,
    readonly position: number,
    readonly source: string,
  ) {
    super(`at character ${position + 1} of ${JSON.stringify(source)}: ${reason}`);
  }
}

/** Reads a path or predicate left to right, skipping spaces; errors name where they are. */
export class Cursor {
  pos = 0;

  constructor(readonly src: string) {}

  get done(): boolean {
    this.skipSpace();
    return this.pos >= this.src.length;
  }

  peek(): string {
    return this.src[this.pos] ?? '';
  }

  skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos])) this.pos++;
  }

  /** Consumes `text` (after spaces) when it comes next. */
  eat(text: string): boolean {
    this.skipSpace();
    if (!this.src.startsWith(text, this.pos)) return false;
    this.pos += text.length;
    return true;
  }

  /** Consumes the word `word` when it comes next as a whole word. */
  eatWord(word: string): boolean {
    this.skipSpace();
    if (!this.src.startsWith(word, this.pos)) return false;
    if (/[\w$]/.test(this.src[this.pos + word.length] ?? '')) return false;
    this.pos += word.length;
    return true;
  }

  expect(text: string, what: string): void {
    if (!this.eat(text)) throw this.error(`expected ${what}`);
  }

  /** An identifier (letters, digits, `_`, `$`, `-` after the first), or null. */
  identifier(): string | null {
    this.skipSpace();
    const m = /^[A-Za-z_$][\w$-]*/.exec(this.src.slice(this.pos));
    if (!m) return null;
    this.pos += m[0].length;
    return m[0];
  }

  /** A quoted string ('…' or "…") with backslash escapes; the cursor is on the quote. */
  quoted(): string {
    const quote = this.src[this.pos];
    const start = this.pos;
    let out = '';
    for (let i = this.pos + 1; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === quote) {
        this.pos = i + 1;
        return out;
      }
      if (c !== '\\') {
        out += c;
        continue;
      }
      const n = this.src[++i];
      if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(this.src.slice(i + 1, i + 5))) {
        out += String.fromCharCode(parseInt(this.src.slice(i + 1, i + 5), 16));
        i += 4;
      } else out += ESCAPES[n] ?? n ?? '';
    }
    throw new ExpressionError('this string is never closed', start, this.src);
  }

  error(reason: string, at = this.pos): ExpressionError {
    const found = at >= this.src.length ? 'the end' : JSON.stringify(this.src.slice(at, at + 12));
    return new ExpressionError(`${reason}, found ${found}`, at, this.src);
  }
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0' };
