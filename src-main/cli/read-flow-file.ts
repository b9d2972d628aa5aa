import { readFile } from 'node:fs/promises';
import type { FlowDocument, FlowProblem } from '@shared/flow/document';
import { parseFlowText } from '@shared/flow/parse';
import { describeProblem } from '@shared/flow/problems';
import { locateIn, splitPath } from '../engine/schema/path-position';
import { positionAt } from '../engine/schema/source-position';
// Pure grammar code shared with the editors (no DOM in it).
import { jsonErrorOffset } from '@shared/text/json-errors';

/** A problem of a flow file, as one line: `file:line:column: where: message`. */
export function problemLine(file: string, text: string, p: FlowProblem): string {
  const pos = locateIn(text).positionOf(splitPath(p.path));
  const at = pos ? `${file}:${pos.line}:${pos.column}` : file;
  const node = p.nodeId ? ` (node "${p.nodeId}")` : '';
  return `${at}: ${describeProblem(p)}${node}`;
}

/** A flow file read and parsed, or the lines that say why not. */
export type ReadFlowResult =
  { ok: true; text: string; flow: FlowDocument } | { ok: false; unreadable: boolean; lines: string[] };

/** Reads and parses a `*.flow.json` file; never throws. */
export async function readFlowFile(file: string): Promise<ReadFlowResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return { ok: false, unreadable: true, lines: [`${file}: cannot read: ${(err as Error).message}`] };
  }
  try {
    JSON.parse(text);
  } catch (err) {
    // V8's message does not always carry a position, so the grammar walk finds it.
    const pos = positionAt(text, jsonErrorOffset(text));
    const at = `${file}:${pos.line}:${pos.column}`;
    return { ok: false, unreadable: false, lines: [`${at}: not valid JSON (${(err as Error).message})`] };
  }
  const parsed = parseFlowText(text);
  if (!parsed.ok) {
    return { ok: false, unreadable: false, lines: parsed.problems.map((p) => problemLine(file, text, p)) };
  }
  return { ok: true, text, flow: parsed.flow };
}
