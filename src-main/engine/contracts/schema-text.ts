import { positionAt } from '../schema/source-position';
import { ContractCompileError } from './contract-types';

/** Parses a contract's schema text, pointing a JSON syntax error at its line and column. */
export function parseSchemaText(text: string, field: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const reason = (err as Error).message;
    const at = /at position (\d+)/.exec(reason);
    if (!at) throw new ContractCompileError(field, `is not valid JSON: ${reason}`);
    const { line, column } = positionAt(text, Number(at[1]));
    const clean = reason.replace(/\s*in JSON at position \d+.*$/, '');
    throw new ContractCompileError(
      field,
      `is not valid JSON: ${clean} (line ${line}, column ${column})`,
      line,
    );
  }
}

/** `['items', '0', 'price']` → `items[0].price`, the path style of flow problems. */
export function joinPath(parts: ReadonlyArray<string | number>): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number' || /^\d+$/.test(part)) out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}
