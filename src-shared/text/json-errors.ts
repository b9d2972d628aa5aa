import type { SourceError } from '../api/contract';

/** 1-based line and column of a character offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: Math.min(offset, text.length) - lineStart + 1 };
}

const NUMBER_OR_WORD = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/;

/**
 * Where JSON text first goes wrong, as an offset. Browsers' JSON.parse messages do not
 * always carry a position ("Unexpected token 'x', ... is not valid JSON"), so this walks
 * the grammar itself; it is only called on text JSON.parse already refused.
 */
export function jsonErrorOffset(t: string): number {
  let i = 0;
  const ws = (): void => {
    while (i < t.length && ' \t\n\r'.includes(t[i])) i += 1;
  };
  const fail = (): never => {
    throw new JsonStop(i);
  };
  const str = (): void => {
    i += 1;
    while (i < t.length && t[i] !== '"') {
      if (t.charCodeAt(i) < 0x20) fail();
      i += t[i] === '\\' ? 2 : 1;
    }
    if (i >= t.length) fail();
    i += 1;
  };
  const value = (): void => {
    ws();
    const c = t[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i += 1;
      ws();
      if (t[i] === close) {
        i += 1;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (t[i] !== '"') fail();
          str();
          ws();
          if (t[i] !== ':') fail();
          i += 1;
        }
        value();
        ws();
        if (t[i] === ',') i += 1;
        else if (t[i] === close) {
          i += 1;
          return;
        } else fail();
      }
    }
    if (c === '"') return str();
    const m = NUMBER_OR_WORD.exec(t.slice(i, i + 400));
    if (!m) fail();
    else i += m[0].length;
  };
  try {
    value();
    ws();
    return i < t.length ? i : -1;
  } catch (err) {
    if (err instanceof JsonStop) return err.offset;
    // Nesting too deep to walk: no position.
    return -1;
  }
}

class JsonStop {
  constructor(readonly offset: number) {}
}

/** The JSON syntax error of `text` at its line (none when it parses). */
export function jsonSyntaxErrors(text: string): SourceError[] {
  try {
    JSON.parse(text);
    return [];
  } catch (err) {
    const message = (err as Error).message
      .replace(/^JSON\.parse: /, '')
      .replace(/\s*in JSON at position \d+.*$/, '')
      .replace(/, .*is not valid JSON$/s, '');
    const offset = jsonErrorOffset(text);
    if (offset < 0) return [{ line: 1, message }];
    const { line, column } = positionOf(text, offset);
    return [{ line, column, message }];
  }
}
