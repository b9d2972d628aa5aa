/** 1-based line and column of a character offset in `text` (offsets past the end land on the last line). */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** How many lines `text` has (an empty text has one). */
export function lineCount(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 10) lines += 1;
  return lines;
}

/**
 * The first line where `name` appears as a whole identifier outside comments, for errors
 * that name a symbol but carry no position (protobufjs' "no such type"). Null if absent.
 */
export function lineOfIdentifier(text: string, name: string): number | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(^|[^\\w.])${escaped}($|[^\\w])`);
  const lines = text.split('\n');
  let inBlock = false;
  for (let i = 0; i < lines.length; i += 1) {
    let code = lines[i];
    if (inBlock) {
      const close = code.indexOf('*/');
      if (close < 0) continue;
      code = code.slice(close + 2);
      inBlock = false;
    }
    code = code.replace(/\/\*.*?\*\//g, ' ');
    const open = code.indexOf('/*');
    if (open >= 0) {
      code = code.slice(0, open);
      inBlock = true;
    }
    code = code.replace(/\/\/.*$/, '');
    if (pattern.test(code)) return i + 1;
  }
  return null;
}
