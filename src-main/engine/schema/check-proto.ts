import protobuf from 'protobufjs';
import type { SourceError } from '@shared/api/contract';
import { lineCount, lineOfIdentifier } from './source-position';

/**
 * Checks .proto source the way a run loads it (protobufjs parse, then resolving every
 * type). protobufjs stops at the first problem, so at most one error comes back, at the
 * line the parser names or, for an unresolved type, the first line that mentions it.
 */
export function checkProto(source: string): SourceError[] {
  try {
    const { root } = protobuf.parse(source, { keepCase: true });
    root.resolveAll();
    return [];
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err);
    const at = /\s*\(line (\d+)\)\s*$/.exec(raw);
    if (at) return [{ line: Number(at[1]), message: raw.slice(0, at.index) }];
    const missing = /no such (?:type|Type or Enum|Enum|Type) '([\w.]+)'/i.exec(raw);
    const line = (missing && lineOfIdentifier(source, missing[1])) ?? lastCodeLine(source);
    return [{ line, message: raw }];
  }
}

function lastCodeLine(source: string): number {
  const lines = source.split('\n');
  for (let i = lines.length - 1; i >= 0; i -= 1) if (lines[i].trim() !== '') return i + 1;
  return lineCount(source);
}
