import { isNode, LineCounter, parseDocument, type Document } from 'yaml';

/** A 1-based place in a text file. */
export interface TextPosition {
  line: number;
  column: number;
}

/** `nodes[3].config.topic` → ['nodes', 3, 'config', 'topic']. */
export function splitPath(path: string): Array<string | number> {
  const parts: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  }
  return parts;
}

/**
 * A parsed JSON or YAML text that can say where a value sits, so a problem found by path
 * (a flow's `nodes[3].config.topic`, an AsyncAPI document's `channels.x.address`) gets a line
 * and column. JSON is read with the YAML parser, which keeps every node's source range.
 */
export interface LocatedText {
  /** Where the value at `path` starts; a missing value points at its nearest existing parent. */
  positionOf(path: ReadonlyArray<string | number>): TextPosition | null;
}

/** Reads `text` once for locating; never throws (an unparseable text locates nothing). */
export function locateIn(text: string): LocatedText {
  const lineCounter = new LineCounter();
  let doc: Document | null = null;
  try {
    doc = parseDocument(text, { lineCounter, keepSourceTokens: false, uniqueKeys: false });
  } catch {
    doc = null;
  }
  return {
    positionOf(path) {
      if (!doc) return null;
      for (let n = path.length; n >= 0; n -= 1) {
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) {
          const { line, col } = lineCounter.linePos(node.range[0]);
          return { line, column: col };
        }
      }
      return null;
    },
  };
}
